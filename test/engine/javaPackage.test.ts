// Package App for Java on the real engine: each Java fixture (Maven, and Gradle 4.4.1 — the Gradle Debian has) goes
// snapshot → plan → recipe → build through the test bed's Maven mirror (Debian's Maven repository over HTTP; Maven
// Central is unreachable here), and the image answers HTTP in the sandbox. A one-line source change rebuilds with the
// dependency layer from cache.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuildEvent } from '../../src/core/build/BuildEvent';
import { silentLogger } from '../../src/core/Logger';
import type { Plan } from '../../src/core/plan/Plan';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { dockerCli } from '../support/dockerCli';
import { pruneParityImages } from '../support/pruneParityImages';
import { runParity } from '../support/runParity';
import { mavenMirrorUrl } from './mavenMirror';
import { requireEngine } from './requireEngine';
import { client, policyFor, start } from './sandboxTestKit';

const root = join(__dirname, '..', '..');
const tags: string[] = [];
const folders: string[] = [];
let mirror = '';

function copyOf(fixture: string): string {
    const parent = mkdtempSync(join(tmpdir(), 'parity java '));
    folders.push(parent);
    const folder = join(parent, fixture);
    cpSync(join(root, 'test', 'fixtures', 'projects', fixture), folder, { recursive: true });
    return folder;
}

interface Packaged {
    readonly plan: Plan;
    readonly tag: string;
    readonly events: BuildEvent[];
}

async function packageFolder(folder: string, tag: string): Promise<Packaged> {
    const { plan } = await planProject(folder, {
        log: silentLogger,
        toolVersion: '0.0.0-test',
        plan: { dependencyMirrors: { maven: mirror } },
    });
    await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
    const events: BuildEvent[] = [];
    await buildProject(client, {
        projectRoot: folder,
        tag,
        plan,
        builder: 'buildkit',
        log: silentLogger,
        onEvent: (event) => events.push(event),
    });
    return { plan, tag, events };
}

/** Runs the image in the sandbox (non-root, read-only, limited) and returns what `/` answers. */
async function answerInSandbox(tag: string, port: number): Promise<Record<string, unknown>> {
    const followed = await start(await policyFor(tag, undefined, {}, { port }));
    try {
        const ready = await followed.sandbox.waitReady({ path: '/', timeoutMs: 60_000 });
        const response = await fetch(`${ready.url}/`);
        return (await response.json()) as Record<string, unknown>;
    } finally {
        await followed.sandbox.stop();
    }
}

/** How each step of the build ended, by the step's name ("[build 6/8] RUN mvn -B -ntp dependency:resolve"). */
function outcome(events: readonly BuildEvent[], pattern: RegExp): string[] {
    return events.flatMap((event) =>
        event.type !== 'log' &&
        event.type !== 'warning' &&
        event.type !== 'image' &&
        pattern.test(event.step.name) &&
        event.type !== 'step-started'
            ? [event.type]
            : [],
    );
}

describe('Package App for Java on the real engine, through the Maven mirror', () => {
    before(async () => {
        await requireEngine();
        mirror = mavenMirrorUrl();
        for (const image of ['eclipse-temurin:17-jre', 'maven:3.8.7-eclipse-temurin-17', 'gradle:4.4.1-jdk17']) {
            assert.ok(
                dockerCli(['images', '-q', image]) !== '',
                `${image} is missing: start it with npm run testbed -- up images`,
            );
        }
    });
    after(() => {
        for (const tag of tags) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
        for (const folder of folders) {
            rmSync(folder, { recursive: true, force: true });
        }
        pruneParityImages();
    });

    it("java-httpserver-maven: a plain main jar on the JDK's HTTP server, Java 17 like here, non-root", async () => {
        const folder = copyOf('java-httpserver-maven');
        const tag = `parity-test/java-httpserver:${process.pid}`;
        tags.push(tag);
        const { plan } = await packageFolder(folder, tag);
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^FROM maven:3\.8\.7-eclipse-temurin-17 AS build$/m);
        assert.match(dockerfile, /^FROM eclipse-temurin:17-jre$/m);
        assert.deepEqual(plan.startCommand.value, ['java', '-cp', 'app.jar:lib/*', 'com.example.hello.Hello']);
        assert.equal(plan.port.value, 8080);
        const answer = await answerInSandbox(tag, 8080);
        assert.equal(answer.hello, 'httpserver');
        assert.match(String(answer.java), /^17\./);
        assert.equal(dockerCli(['run', '--rm', '--entrypoint', 'id', tag, '-un']), 'app', 'runs as a non-root user');
        const leftovers = dockerCli([
            'run',
            '--rm',
            '--entrypoint',
            'sh',
            tag,
            '-c',
            'ls /root/.m2 /opt/parity /run/secrets 2>/dev/null; command -v javac mvn || true',
        ]);
        assert.equal(leftovers, '', `no build tool, settings or trust store in the final image: ${leftovers}`);
    });

    it('java-jetty-maven: jetty resolved through the mirror; a one-line change rebuilds with the dependencies from cache', async () => {
        const folder = copyOf('java-jetty-maven');
        const tag = `parity-test/java-jetty:${process.pid}`;
        tags.push(tag);
        const first = await packageFolder(folder, tag);
        assert.match(
            readFileSync(join(folder, 'Dockerfile'), 'utf8'),
            new RegExp(`<url>${mirror.replace(/[.:/]/g, '\\$&')}</url>`),
        );
        const answer = await answerInSandbox(tag, 8080);
        assert.equal(answer.hello, 'jetty');
        assert.match(String(answer.jetty), /^9\.4\./);
        assert.ok(
            dockerCli(['run', '--rm', '--entrypoint', 'ls', tag, '/app/lib']).includes('jetty-server'),
            'jetty is on the class path in lib/',
        );
        assert.ok(first.events.length > 0);

        // A change of its own: the same edit made by an earlier run would come from BuildKit's cache.
        const again = `jetty again ${process.pid}-${Date.now()}`;
        const source = join(folder, 'src/main/java/com/example/shop/ShopServer.java');
        writeFileSync(
            source,
            readFileSync(source, 'utf8').replace('"{\\"hello\\":\\"jetty\\"', `"{\\"hello\\":\\"${again}\\"`),
        );
        const second = await packageFolder(folder, tag);
        assert.deepEqual(
            outcome(second.events, /dependency:resolve/),
            ['step-cached'],
            'the dependency step comes from the cache',
        );
        assert.deepEqual(outcome(second.events, /COPY pom\.xml/), ['step-cached'], 'pom.xml is unchanged');
        assert.deepEqual(
            outcome(second.events, /-DskipTests package/),
            ['step-completed'],
            'the sources are built again',
        );
        assert.equal((await answerInSandbox(tag, 8080)).hello, again);
    });

    it('parity package with PARITY_MAVEN_MIRROR: the CLI writes the mirror into the build stage and builds', () => {
        const folder = copyOf('java-httpserver-maven');
        const tag = `parity-test/java-cli:${process.pid}`;
        tags.push(tag);
        const result = runParity(['package', folder, '--tag', tag], {
            env: { DOCKER_HOST: '', PARITY_MAVEN_MIRROR: mirror },
        });
        assert.equal(result.code, 0, result.stderr);
        assert.ok(readFileSync(join(folder, 'Dockerfile'), 'utf8').includes(`<url>${mirror}</url>`));
        assert.notEqual(dockerCli(['images', '-q', tag]), '');
    });

    it("java-gradle-plain: Gradle 4.4.1 as its wrapper pins, installDist with commons-io through the mirror's init script", async () => {
        const folder = copyOf('java-gradle-plain');
        const tag = `parity-test/java-gradle:${process.pid}`;
        tags.push(tag);
        const { plan, events } = await packageFolder(folder, tag);
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^FROM gradle:4\.4\.1-jdk17 AS build$/m);
        assert.match(dockerfile, /^FROM eclipse-temurin:17-jre$/m);
        assert.ok(
            dockerfile.includes(`def parityMirror = "${mirror}"`),
            'the init script sends every repository to the mirror',
        );
        assert.deepEqual(plan.startCommand.value, ['java', '-cp', 'app.jar:lib/*', 'com.example.quotes.QuotesServer']);
        assert.equal(plan.port.value, 8081);
        assert.equal(
            outcome(events, /gradle --no-daemon -x test installDist/).length,
            1,
            'installDist is the build step',
        );
        const answer = await answerInSandbox(tag, 8081);
        assert.equal(answer.hello, 'gradle');
        assert.equal(answer.ext, 'txt', 'commons-io from the mirror is on the class path');
        assert.match(String(answer.java), /^17\./);
        assert.ok(dockerCli(['run', '--rm', '--entrypoint', 'ls', tag, '/app/lib']).includes('commons-io-2.11.0.jar'));
        assert.equal(dockerCli(['run', '--rm', '--entrypoint', 'id', tag, '-un']), 'app', 'runs as a non-root user');
        const leftovers = dockerCli([
            'run',
            '--rm',
            '--entrypoint',
            'sh',
            tag,
            '-c',
            'ls /root/.gradle /run/secrets 2>/dev/null; command -v javac gradle || true',
        ]);
        assert.equal(leftovers, '', `no build tool, init script or cache in the final image: ${leftovers}`);
    });

    it('java-commons-mvnw: the Maven the wrapper pins, a library on the class path, the PORT fallback of a ternary', async () => {
        const folder = copyOf('java-commons-mvnw');
        const tag = `parity-test/java-commons:${process.pid}`;
        tags.push(tag);
        const { plan } = await packageFolder(folder, tag);
        assert.equal(plan.packageManager?.version, '3.8.7');
        assert.match(plan.builder?.why ?? '', /maven-wrapper\.properties:1 pins maven 3\.8\.7/);
        assert.equal(plan.port.value, 8090);
        assert.equal(plan.env.PORT, '8090', 'the app reads PORT, so the image sets it');
        const answer = await answerInSandbox(tag, 8090);
        assert.equal(answer.hello, 'notes');
        assert.ok(existsSync(join(folder, '.dockerignore')));
    });
});
