import type { PackageManagerFacts } from '../snapshot/Snapshot';
import { javaMajor } from '../snapshot/versionSchemes';
import { prefixed } from './chooseBaseImage';
import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import type { OsChoice } from './chooseOs';
import type { BaseImageChoice, JavaBuildPlan, PackageManagerPlan, PlanDecision } from './Plan';
import type { EcosystemPlan, PlanContext } from './PlanContext';
import { APP_USER } from './planPython';

/** Where the build stage leaves what the final image runs: the jar as app.jar, runtime dependencies in lib/. */
export const JAVA_APP_DIR = '/app';
export const MAVEN_REPOSITORY = '/root/.m2/repository';
export const GRADLE_HOME = '/root/.gradle';

/** Used when neither a wrapper pins the build tool nor this machine has it; reviewed with each new line. */
const DEFAULT_TOOL_VERSIONS: Readonly<Record<JavaBuildTool, string>> = { maven: '3.9.9', gradle: '8.10' };

type JavaBuildTool = 'maven' | 'gradle';

type JavaArtifact = JavaBuildPlan['artifact'];

/**
 * Java: a multi-stage build. The build tool's image (the JDK of the major version the app runs on here)
 * resolves dependencies from the build files alone — cached as a layer and in a BuildKit cache mount — then
 * builds the jar; the final image is the JRE of the same major version with the jar, its runtime
 * dependencies and a non-root user. A dependency mirror (Artifactory, Nexus) is written into the build
 * stage's Maven settings or Gradle init script only.
 */
export function planJava(context: PlanContext): EcosystemPlan | { readonly unsupported: string } {
    const { snapshot, options, os, app } = context;
    const tools = snapshot.packageManagers.filter(
        (manager): manager is PackageManagerFacts & { name: JavaBuildTool } =>
            manager.name === 'maven' || manager.name === 'gradle',
    );
    const tool = tools[0];
    if (!tool) {
        return {
            unsupported:
                'the Java project has no pom.xml and no build.gradle, and Parity builds Java with Maven or Gradle',
        };
    }
    const version = chooseRuntimeVersion('java', snapshot.runtimes.java, options.overrides?.runtimeVersion);
    const major = javaMajor(version.decision.value);
    if (major === null) {
        return {
            unsupported: `"${version.decision.value}" is not a Java version, so Parity cannot choose a JDK and JRE image`,
        };
    }
    const runtime: PlanDecision<string> = {
        ...version.decision,
        value: String(major),
        why: `${version.decision.why} Java images are tagged per feature release, so both stages use Java ${major}.`,
    };
    const warnings = [...version.warnings];
    const todo: string[] = [];
    if (tools.length > 1) {
        warnings.push(
            `Both ${tools.map((manager) => `${manager.name} (${manager.evidence})`).join(' and ')} build this project; the recipe uses ${tool.name}.`,
        );
    }
    if (app.workspacePackages.length > 0) {
        warnings.push(
            `This is a multi-module build (${app.workspacePackages.join(', ')}): the recipe builds them all and packages the jar the root project leaves in ${tool.name === 'maven' ? 'target' : 'build/libs'}. Set the module's folder in the Dockerfile if the app is one of the modules.`,
        );
    }

    const framework = app.framework?.value ?? null;
    const artifact: JavaArtifact =
        framework === 'quarkus'
            ? { outputDir: tool.name === 'maven' ? 'target' : 'build', kind: 'folder', folder: 'quarkus-app' }
            : {
                  outputDir: tool.name === 'maven' ? 'target' : 'build/libs',
                  kind: framework === 'spring-boot' || framework === 'micronaut' ? 'fat' : 'plain',
              };
    if (!app.startCommand) {
        todo.push(
            app.entry
                ? `Parity found ${app.entry.value} but could not tell its main class: set the start command (java -cp app.jar:lib/* <main class>).`
                : 'Parity found no main class (no class with public static void main under src/main/java): set the start command, e.g. java -cp app.jar:lib/* com.example.Main.',
        );
    }

    const toolVersion = buildToolVersion(tool);
    const images = options.baseImageRegistry;
    const builderImage = prefixed(
        tool.name === 'maven'
            ? `maven:${toolVersion.value}-eclipse-temurin-${major}${os.libc === 'musl' ? '-alpine' : ''}`
            : `gradle:${toolVersion.value}-jdk${major}${os.libc === 'musl' ? '-alpine' : ''}`,
        images,
    );
    const mirrorNote = images ? ` through the mirror ${images}` : '';
    const builder: BaseImageChoice = {
        image: builderImage,
        why: `The official ${tool.name} ${toolVersion.value} image with the Java ${major} JDK${mirrorNote}: ${toolVersion.why} It builds in a stage of its own; nothing of it reaches the final image.`,
        runtime: { name: 'java', version: runtime },
        os: osFacts(os),
    };
    const official = prefixed(`eclipse-temurin:${major}-jre${os.libc === 'musl' ? '-alpine' : ''}`, images);
    const base: BaseImageChoice = options.baseImageOverride
        ? {
              image: options.baseImageOverride,
              why: `You replaced the runtime image with ${options.baseImageOverride} (override), used as written: Parity would have used ${official}. Make sure it carries a Java ${major} runtime.`,
              runtime: { name: 'java', version: runtime },
              os: osFacts(os),
          }
        : {
              image: official,
              why: `The official Eclipse Temurin Java ${major} runtime (JRE, no compiler)${mirrorNote}, the major version the app runs on here; its ${os.libc} C library matches this machine's.`,
              runtime: { name: 'java', version: runtime },
              os: osFacts(os),
          };

    const mirror = mavenMirror(options.dependencyMirrors?.maven, warnings);
    const packageManager =
        tool.name === 'maven'
            ? mavenPlan(tool, toolVersion.value, artifact, mirror)
            : gradlePlan(tool, toolVersion.value, artifact, mirror, warnings);
    return {
        ecosystem: 'java',
        base,
        builder,
        packageManager,
        user: APP_USER,
        env: {},
        warnings,
        todo,
        java: { artifact, mirror },
    };
}

function osFacts(os: OsChoice): BaseImageChoice['os'] {
    return { distro: os.distro, libc: os.libc };
}

/** The build tool's version: the wrapper's pin (then no wrapper download in the build), else this machine's, else a default. */
function buildToolVersion(tool: PackageManagerFacts): PlanDecision<string> {
    if (tool.declared) {
        const exact = /^\d+\.\d+(?:\.\d+)?$/.test(tool.declared.raw);
        if (exact) {
            return {
                value: tool.declared.raw,
                why: `${tool.declared.file}:${tool.declared.line} pins ${tool.name} ${tool.declared.raw} for the wrapper, so the image carries that version and the build downloads no ${tool.name} distribution.`,
                at: { file: tool.declared.file, line: tool.declared.line },
            };
        }
    }
    if (tool.installed) {
        return {
            value: tool.installed,
            why: `${tool.name} ${tool.installed} builds this project here and no wrapper pins another version.`,
        };
    }
    const fallback = DEFAULT_TOOL_VERSIONS[tool.name as JavaBuildTool];
    return {
        value: fallback,
        why: `No wrapper pins ${tool.name} and it is not installed here, so the image uses ${tool.name} ${fallback}.`,
    };
}

/** The mirror URL as given, when it is one: http(s), no credentials (those belong in a build secret). */
function mavenMirror(url: string | undefined, warnings: string[]): string | null {
    if (!url) {
        return null;
    }
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        warnings.push(`The Maven mirror "${url}" is not a URL; the build uses the repositories the project names.`);
        return null;
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
        warnings.push(
            `The Maven mirror ${parsed.protocol}//${parsed.host} must be an http(s) URL without credentials; the build uses the repositories the project names.`,
        );
        return null;
    }
    return parsed.href;
}

function mavenPlan(
    tool: PackageManagerFacts,
    version: string,
    artifact: JavaArtifact,
    mirror: string | null,
): PackageManagerPlan {
    const lib =
        artifact.kind === 'plain'
            ? ['dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${JAVA_APP_DIR}/lib`]
            : [];
    const via = mirror
        ? `every repository through the mirror ${mirror} (a settings.xml of the build stage, <mirrorOf>*</mirrorOf>)`
        : 'the repositories the project names';
    return {
        name: 'maven',
        version,
        why: `${tool.evidence === 'mvnw wrapper' ? 'mvnw and pom.xml make' : 'pom.xml makes'} this a Maven build: pom.xml is copied first and its dependencies resolved from ${via} into a cached layer and a BuildKit cache of ~/.m2 (reused until pom.xml changes), then the sources are copied and packaged without tests${artifact.kind === 'plain' ? ', with the runtime dependencies copied to lib/ for the class path' : ''}.`,
        manifests: ['pom.xml'],
        setup: [],
        install: ['mvn', '-B', '-ntp', 'dependency:resolve'],
        build: ['mvn', '-B', '-ntp', '-DskipTests', 'package', ...lib],
        prune: null,
        env: {},
        cacheDir: MAVEN_REPOSITORY,
    };
}

function gradlePlan(
    tool: PackageManagerFacts,
    version: string,
    artifact: JavaArtifact,
    mirror: string | null,
    warnings: string[],
): PackageManagerPlan {
    const task = artifact.kind === 'fat' ? 'bootJar' : artifact.kind === 'folder' ? 'build' : 'installDist';
    if (artifact.kind === 'plain') {
        warnings.push(
            'Gradle builds the plain jar and its runtime class path with installDist, which the `application` plugin adds: apply it in the build file (with mainClass), or change the build step.',
        );
    }
    const via = mirror
        ? `every repository through the mirror ${mirror} (an init script of the build stage)`
        : 'the repositories the build names';
    return {
        name: 'gradle',
        version,
        why: `${tool.evidence} makes this a Gradle build: the build and settings files are copied first and their dependencies resolved from ${via} into a cached layer and a BuildKit cache of ~/.gradle/caches, then the sources are copied and ${task} runs without tests.`,
        manifests: ['build.gradle*', 'settings.gradle*', 'gradle.properties*'],
        setup: [],
        install: ['gradle', '--no-daemon', '-q', 'dependencies'],
        build: ['gradle', '--no-daemon', '-x', 'test', task],
        prune: null,
        env: { GRADLE_USER_HOME: GRADLE_HOME },
        cacheDir: `${GRADLE_HOME}/caches`,
    };
}
