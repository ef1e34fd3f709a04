import type { Fact, RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { AppCandidate, EcosystemDetection, EcosystemDetector } from '../EcosystemDetection';
import type { ProjectFiles } from '../ProjectFiles';
import { readToolPins } from '../toolVersions';
import { findJavaMainClass } from './findJavaMainClass';
import { GRADLE_BUILD_FILES, javaBuildTools } from './javaBuildTools';
import { javaPlainMain } from './javaPlainMain';
import { javaServerPort } from './javaServerPort';
import { javaVersionManagerPins } from './javaVersionManagerPins';
import { readGradle } from './readGradle';
import { readPom } from './readPom';

/** How each framework's build output starts. */
const START: Readonly<Record<string, { readonly command: readonly string[]; readonly how: string }>> = {
    'spring-boot': {
        command: ['java', '-jar', 'app.jar'],
        how: 'Spring Boot executable jar (mvn package / gradle bootJar) copied as app.jar',
    },
    quarkus: {
        command: ['java', '-jar', 'quarkus-app/quarkus-run.jar'],
        how: 'Quarkus fast-jar (target/quarkus-app or build/quarkus-app)',
    },
    micronaut: { command: ['java', '-jar', 'app.jar'], how: 'Micronaut runnable (shadow) jar copied as app.jar' },
};

/** Java: JDK pins from version managers and build files, Maven/Gradle, the framework and its port. */
export const detectJava: EcosystemDetector = async (files, walk): Promise<EcosystemDetection | null> => {
    const pins = (await readToolPins(files)).filter((pin) => pin.tool === 'java');
    const gradleBuild = GRADLE_BUILD_FILES.find((path) => walk.has(path));
    const markers = ['pom.xml', '.java-version', '.sdkmanrc', 'settings.gradle', 'settings.gradle.kts'];
    if (!gradleBuild && pins.length === 0 && !markers.some((marker) => walk.has(marker))) {
        return null;
    }
    const declared: RuntimeDeclaration[] = await javaVersionManagerPins(files, pins);
    let framework: Fact<string> | null = null;
    let modules: readonly string[] = [];
    const pom = walk.has('pom.xml') ? await files.readText('pom.xml') : null;
    if (pom) {
        const facts = readPom(pom, files.issues);
        declared.push(...facts.declared);
        framework = facts.framework;
        modules = facts.modules;
    }
    const gradle = gradleBuild ? await files.readText(gradleBuild) : null;
    if (gradle) {
        const facts = readGradle(gradle);
        declared.push(...facts.declared);
        framework ??= facts.framework;
    }
    const { packageManagers, lockfiles } = await javaBuildTools(files, walk);
    return {
        ecosystem: 'java',
        declared,
        packageManagers,
        lockfiles,
        nativeDependencies: [],
        app: await javaApp(files, framework, modules),
    };
};

async function javaApp(
    files: ProjectFiles,
    framework: Fact<string> | null,
    modules: readonly string[],
): Promise<AppCandidate | null> {
    const entry = await findJavaMainClass(files);
    if (!framework && !entry) {
        return null;
    }
    const start = framework ? START[framework.value] : undefined;
    const plain = !framework && entry ? await javaPlainMain(files, entry) : null;
    return {
        root: '.',
        framework,
        startCommand: start
            ? { value: start.command, ...(framework?.at ? { at: framework.at } : {}), how: start.how }
            : (plain?.startCommand ?? null),
        ports: framework ? await javaServerPort(files, framework.value) : (plain?.ports ?? []),
        entry,
        workspacePackages: modules,
        confidence: framework ? 3 : 2,
    };
}
