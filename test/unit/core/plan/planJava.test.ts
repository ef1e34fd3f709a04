import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { PlanOptions } from '../../../../src/core/plan/PlanContext';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { ALPINE_320, EXTRA_CA, fixtureDir, recipeGolden, snapshotFor, type SnapshotSetup } from './snapshotFor';

const HERE: SnapshotSetup = { installed: { java: '17.0.15' }, tools: { maven: '3.8.7' } };
const NEXUS = 'https://nexus.example.com/repository/maven-public/';

/** Compares with the stored golden; UPDATE_GOLDENS=1 writes it instead (review the diff before committing). */
function assertGolden(file: string, actual: string): void {
    if (process.env.UPDATE_GOLDENS === '1') {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return;
    }
    assert.ok(existsSync(file), `${file} is missing: run the tests with UPDATE_GOLDENS=1 to write it, then review it.`);
    assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs (UPDATE_GOLDENS=1 rewrites it)`);
}

async function planOf(dir: string, setup: SnapshotSetup = HERE, options: Omit<PlanOptions, 'projectRoot'> = {}) {
    const snapshot = await snapshotFor(dir, setup);
    return { snapshot, plan: planFromSnapshot(snapshot, { projectRoot: '/home/dev/app', ...options }) };
}

/** A throwaway project with the given files. */
function project(files: Readonly<Record<string, string>>): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-java-'));
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
    }
    return dir;
}

const MAIN = 'package com.example;\npublic class Main {\n    public static void main(String[] args) {}\n}\n';
const POM =
    '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>app</artifactId><version>1.0</version></project>\n';

describe('golden Java Dockerfiles', () => {
    const cases: readonly {
        name: string;
        dir: string;
        setup: SnapshotSetup;
        options: Omit<PlanOptions, 'projectRoot'>;
        modes: readonly boolean[];
    }[] = [
        // A plain main jar with a dependency, a company mirror and an extra CA: BuildKit and the classic builder.
        {
            name: 'java-jetty-maven',
            dir: fixtureDir('java-jetty-maven'),
            setup: { ...HERE, extraCas: [EXTRA_CA] },
            options: { dependencyMirrors: { maven: NEXUS } },
            modes: [true, false],
        },
        // Spring Boot with the Maven Wrapper: pins say Java 21 while 17 runs here, so the image follows the pin.
        { name: 'java-spring-maven', dir: fixtureDir('java-spring-maven'), setup: HERE, options: {}, modes: [true] },
        // Spring Boot on Gradle (Kotlin DSL, wrapper 8.10.2, toolchain 17) through a mirror: an init script.
        {
            name: 'java-spring-gradle-kts',
            dir: fixtureDir('java-spring-gradle-kts'),
            setup: { installed: { java: '17.0.15' } },
            options: { dependencyMirrors: { maven: NEXUS } },
            modes: [true],
        },
        // A plain main on Gradle 4 syntax (wrapper 4.4.1, application plugin, one library) through a mirror: installDist.
        {
            name: 'java-gradle-plain',
            dir: fixtureDir('java-gradle-plain'),
            setup: { installed: { java: '17.0.15' } },
            options: { dependencyMirrors: { maven: NEXUS } },
            modes: [true],
        },
    ];
    for (const { name, dir, setup, options, modes } of cases) {
        for (const buildkit of modes) {
            const mode = buildkit ? 'buildkit' : 'classic';
            it(`${name} (${mode})`, async () => {
                const plan = planFromSnapshot(await snapshotFor(dir, setup), {
                    projectRoot: `/home/dev/${name}`,
                    ...options,
                });
                const recipe = renderRecipe(plan, { buildkit });
                assertGolden(recipeGolden(`${name}.${mode}`), recipe.dockerfile);
                assert.doesNotMatch(recipe.dockerfile, /^#\s*syntax\s*=/im);
            });
        }
    }
});

describe('planJava', () => {
    it('builds with the Maven image and runs on the JRE of the same major version, as a non-root user', async () => {
        const { plan } = await planOf(fixtureDir('java-httpserver-maven'));
        assert.equal(plan.ecosystem, 'java');
        assert.equal(plan.builder?.image, 'maven:3.8.7-eclipse-temurin-17');
        assert.equal(plan.base.image, 'eclipse-temurin:17-jre');
        assert.equal(plan.base.runtime?.version.value, '17');
        assert.equal(plan.user, 'app');
        assert.deepEqual(plan.packageManager?.manifests, ['pom.xml']);
        assert.equal(plan.packageManager?.cacheDir, '/root/.m2/repository');
        assert.deepEqual(plan.java, { artifact: { outputDir: 'target', kind: 'plain' }, mirror: null });
        assert.deepEqual(plan.startCommand.value, ['java', '-cp', 'app.jar:lib/*', 'com.example.hello.Hello']);
        assert.equal(plan.port.value, 8080);
        assert.equal(plan.env.PORT, '8080');
        assert.deepEqual(plan.todo, []);
        const dockerfile = renderRecipe(plan, { buildkit: true }).dockerfile;
        assert.match(
            dockerfile,
            /^RUN --mount=type=cache,target=\/root\/\.m2\/repository \\\n {4}mvn -B -ntp dependency:resolve$/m,
        );
        assert.match(dockerfile, /^COPY --from=build \/app \/app$/m);
        assert.match(dockerfile, /^USER app$/m);
        assert.doesNotMatch(
            dockerfile,
            /settings\.xml|JAVA_TOOL_OPTIONS/,
            'no mirror and no extra CA: nothing of them in the recipe',
        );
        const dockerignore = renderRecipe(plan, { buildkit: true }).dockerignore;
        assert.match(dockerignore, /^\*\*\/target\/$/m, 'a jar built here never reaches the context');
        assert.match(dockerignore, /^\*\*\/\.gradle\/$/m);
    });

    it('Spring Boot: a fat jar, java -jar, the port from server.port (${PORT:8080} sets PORT)', async () => {
        const { plan } = await planOf(fixtureDir('java-spring-gradle-kts'), { installed: { java: '17.0.15' } });
        assert.equal(plan.builder?.image, 'gradle:8.10.2-jdk17');
        assert.equal(plan.base.image, 'eclipse-temurin:17-jre');
        assert.deepEqual(plan.java?.artifact, { outputDir: 'build/libs', kind: 'fat' });
        assert.deepEqual(plan.packageManager?.build, ['gradle', '--no-daemon', '-x', 'test', 'bootJar']);
        assert.deepEqual(plan.startCommand.value, ['java', '-jar', 'app.jar']);
        assert.equal(plan.port.value, 8080);
        assert.equal(plan.env.PORT, '8080');
        assert.match(plan.builder?.why ?? '', /gradle-wrapper\.properties:3 pins gradle 8\.10\.2/);
    });

    it("follows the pom's Java 21 pin over the 17 installed here, and says so", async () => {
        const { plan } = await planOf(fixtureDir('java-spring-maven'));
        assert.equal(plan.builder?.image, 'maven:3.9.7-eclipse-temurin-21');
        assert.equal(plan.base.image, 'eclipse-temurin:21-jre');
        assert.ok(
            plan.warnings.some((warning) => /java 17\.0\.15 runs here but/.test(warning)),
            plan.warnings.join('\n'),
        );
        assert.equal(plan.port.value, 8081);
    });

    it('the mirror goes into the build stage only, and the plan explains it', async () => {
        const { plan } = await planOf(fixtureDir('java-jetty-maven'), HERE, { dependencyMirrors: { maven: NEXUS } });
        assert.equal(plan.java?.mirror, NEXUS);
        assert.match(plan.packageManager?.why ?? '', /through the mirror https:\/\/nexus\.example\.com/);
        const dockerfile = renderRecipe(plan, { buildkit: true }).dockerfile;
        const [build = '', final = ''] = dockerfile.split(/^FROM eclipse-temurin:17-jre$/m);
        assert.match(build, /<mirrorOf>\*<\/mirrorOf>/);
        assert.match(build, /<url>https:\/\/nexus\.example\.com\/repository\/maven-public\/<\/url>/);
        assert.doesNotMatch(final, /nexus|settings\.xml/);
    });

    it('a mirror that is no http(s) URL, or carries credentials, is refused with a warning', async () => {
        for (const maven of [
            'ftp://mirror.example.com/maven',
            'https://user:hunter2pw@nexus.example.com/',
            'not a url',
        ]) {
            const { plan } = await planOf(fixtureDir('java-jetty-maven'), HERE, { dependencyMirrors: { maven } });
            assert.equal(plan.java?.mirror, null, maven);
            assert.ok(
                plan.warnings.some((warning) => /Maven mirror/.test(warning)),
                maven,
            );
            assert.doesNotMatch(JSON.stringify(plan), /hunter2pw/, 'the password is never repeated');
        }
    });

    it('an extra CA: a trust store for the build tool from the secret, JAVA_TOOL_OPTIONS in the build stage only', async () => {
        const { plan } = await planOf(fixtureDir('java-jetty-maven'), { ...HERE, extraCas: [EXTRA_CA] });
        const buildkit = renderRecipe(plan, { buildkit: true }).dockerfile;
        const [build = '', final = ''] = buildkit.split(/^FROM eclipse-temurin:17-jre$/m);
        assert.match(build, /--mount=type=secret,id=parity-ca,target=\/run\/secrets\/parity-ca,required=true/);
        assert.match(build, /keytool -importcert/);
        assert.match(build, /^ENV JAVA_TOOL_OPTIONS="-Djavax\.net\.ssl\.trustStore=\/opt\/parity\/cacerts/m);
        assert.doesNotMatch(final, /parity-ca|JAVA_TOOL_OPTIONS|cacerts/);
        const classic = renderRecipe(plan, { buildkit: false }).dockerfile;
        assert.match(classic, /^COPY \.parity-ca\.pem \/tmp\/parity-ca\.pem$/m);
        assert.match(classic, /known\.pem \/tmp\/parity-ca\.pem/);
    });

    it('Alpine here: the -alpine variants of the same images', async () => {
        const { plan } = await planOf(fixtureDir('java-httpserver-maven'), { ...HERE, platform: ALPINE_320 });
        assert.equal(plan.builder?.image, 'maven:3.8.7-eclipse-temurin-17-alpine');
        assert.equal(plan.base.image, 'eclipse-temurin:17-jre-alpine');
        assert.match(renderRecipe(plan, { buildkit: true }).dockerfile, /^RUN adduser -S -u 10001 app$/m);
    });

    it('an override of the Java version moves both stages; a registry prefix goes on both', async () => {
        const { plan } = await planOf(fixtureDir('java-httpserver-maven'), HERE, {
            overrides: { runtimeVersion: '21' },
            baseImageRegistry: 'mirror.local:5000/library/',
        });
        assert.equal(plan.builder?.image, 'mirror.local:5000/library/maven:3.8.7-eclipse-temurin-21');
        assert.equal(plan.base.image, 'mirror.local:5000/library/eclipse-temurin:21-jre');
    });

    it('Gradle with a plain main class: installDist for the class path, and a warning about the application plugin', async () => {
        const dir = project({
            'build.gradle': 'plugins { id "java" }\njava { sourceCompatibility = JavaVersion.VERSION_17 }\n',
            'src/main/java/com/example/Main.java': MAIN,
        });
        const { plan } = await planOf(dir, { installed: { java: '17.0.15' } });
        assert.equal(plan.builder?.image, 'gradle:8.10-jdk17');
        assert.deepEqual(plan.packageManager?.build, ['gradle', '--no-daemon', '-x', 'test', 'installDist']);
        assert.ok(plan.warnings.some((warning) => /application/.test(warning)));
        assert.match(renderRecipe(plan, { buildkit: true }).dockerfile, /cp -r build\/install\/\*\/lib \/app\/lib/);
    });

    it("Gradle installed here and no wrapper: the image of that Gradle version (Debian's 4.4.1 on Java 17)", async () => {
        const dir = project({
            'build.gradle': "apply plugin: 'application'\nmainClassName = 'com.example.Main'\n",
            'src/main/java/com/example/Main.java': MAIN,
        });
        const { plan } = await planOf(dir, { installed: { java: '17.0.15' }, tools: { gradle: '4.4.1' } });
        assert.equal(plan.builder?.image, 'gradle:4.4.1-jdk17');
        assert.match(plan.builder?.why ?? '', /gradle 4\.4\.1 builds this project here/);
    });

    it('Kotlin: the main class of a top-level main is <File>Kt', async () => {
        const dir = project({
            'pom.xml': POM,
            'src/main/kotlin/com/example/Server.kt': 'package com.example\n\nfun main() {}\n',
        });
        const { plan } = await planOf(dir);
        assert.deepEqual(plan.startCommand.value, ['java', '-cp', 'app.jar:lib/*', 'com.example.ServerKt']);
    });
});

describe('planJava on bad input', () => {
    it('a pom without <artifactId>: one clear issue naming the file', async () => {
        const dir = project({
            'pom.xml':
                '<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><version>1</version></project>\n',
            'src/main/java/com/example/Main.java': MAIN,
        });
        const { snapshot, plan } = await planOf(dir);
        assert.ok(
            snapshot.issues.some((issue) => /pom\.xml has no <artifactId>/.test(issue.message)),
            JSON.stringify(snapshot.issues),
        );
        assert.equal(plan.ecosystem, 'java', 'the plan is still made; Maven will say the same');
    });

    it('an unreadable pom (not XML): an issue, and still a plan', async () => {
        const dir = project({
            'pom.xml': '\u0000\u0001 this is not a pom {{{',
            'src/main/java/com/example/Main.java': MAIN,
        });
        const { snapshot, plan } = await planOf(dir);
        assert.ok(
            snapshot.issues.some((issue) => /pom\.xml has no <project> element/.test(issue.message)),
            JSON.stringify(snapshot.issues),
        );
        assert.equal(plan.ecosystem, 'java');
    });

    it('a Java pin that is no version is set aside: the version installed here is used, the pin named', async () => {
        const dir = project({
            'pom.xml': POM,
            '.java-version': 'banana\n',
            'src/main/java/com/example/Main.java': MAIN,
        });
        const { snapshot, plan } = await planOf(dir);
        assert.equal(snapshot.runtimes.java?.declared[0]?.range, null);
        assert.match(snapshot.runtimes.java?.declared[0]?.note ?? '', /"banana" is not a Java version/);
        assert.equal(plan.base.image, 'eclipse-temurin:17-jre');
    });

    it('a Java version override that is no version: no Java recipe, a TODO that says why', async () => {
        const { plan } = await planOf(fixtureDir('java-httpserver-maven'), HERE, {
            overrides: { runtimeVersion: 'latest' },
        });
        assert.equal(plan.ecosystem, 'generic');
        assert.ok(
            plan.todo.some((todo) => /"latest" is not a Java version/.test(todo)),
            plan.todo.join('\n'),
        );
    });

    it('no main class and no framework: no app, a TODO that says what is missing', async () => {
        const dir = project({
            'pom.xml': POM,
            'src/main/java/com/example/Util.java': 'package com.example;\npublic class Util {}\n',
        });
        const { plan } = await planOf(dir);
        assert.equal(plan.ecosystem, 'generic');
        assert.ok(
            plan.todo.some((todo) => /no main class/.test(todo)),
            plan.todo.join('\n'),
        );
    });

    it('a main class Parity cannot name: a Java plan with a TODO for the start command', async () => {
        const snapshot = await snapshotFor(fixtureDir('java-httpserver-maven'), HERE);
        const app = snapshot.app;
        assert.ok(app);
        const plan = planFromSnapshot(
            { ...snapshot, app: { ...app, startCommand: null } },
            { projectRoot: '/home/dev/app' },
        );
        assert.equal(plan.ecosystem, 'java');
        assert.ok(
            plan.todo.some((todo) => /could not tell its main class/.test(todo)),
            plan.todo.join('\n'),
        );
    });
});
