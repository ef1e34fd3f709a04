import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BuildError } from '../../src/core/build/BuildError';
import { EngineError } from '../../src/engine/EngineError';
import { dockerCli } from '../support/dockerCli';
import { startSocketProxy } from '../support/socketProxy';
import {
    buildFolder,
    containersWith,
    engineClient,
    imageIdOf,
    logsOfLine,
    makeProject,
    processesWith,
    removeImages,
    removeProject,
    sleepMarker,
    TEST_LABELS,
    testTag,
    waitFor,
} from './buildTestKit';
import { requireEngine } from './requireEngine';
import { pruneParityImages } from '../support/pruneParityImages';

const client = engineClient();
const tags = new Set<string>();
const folders: string[] = [];

function project(files: Readonly<Record<string, string>>): string {
    const dir = makeProject(files);
    folders.push(dir);
    return dir;
}

function tag(name: string): string {
    const value = testTag(name);
    tags.add(value);
    return value;
}

/** The same Dockerfile for all three secret cases: only what the build is given changes. */
const NPM_VIEW = [
    'FROM node:20-bookworm-slim',
    'WORKDIR /app',
    'RUN --mount=type=secret,id=parity-ca,target=/run/secrets/parity-ca,required=true \\',
    '    NODE_EXTRA_CA_CERTS=/run/secrets/parity-ca npm view is-number version --fetch-retries=0',
    '',
].join('\n');

/** 64 characters from the middle of each CA this host adds to the system's: they must never end up in an image. */
function hostCaNeedles(): string[] {
    const dir = '/usr/local/share/ca-certificates';
    return readdirSync(dir)
        .filter((name) => name.endsWith('.crt'))
        .map((name) => {
            const lines = readFileSync(join(dir, name), 'utf8')
                .split('\n')
                .filter((line) => /^[A-Za-z0-9+/]{64}$/.test(line));
            return lines[Math.floor(lines.length / 2)] ?? '';
        })
        .filter(Boolean);
}

describe('building images with BuildKit (real engine)', () => {
    before(requireEngine);
    after(() => {
        removeImages(tags);
        folders.forEach(removeProject);
        pruneParityImages();
    });

    describe('the host CA as a build secret', () => {
        const dir = project({ Dockerfile: NPM_VIEW });

        it('with the host CA bundle, npm reaches the registry through the intercepting proxy', async () => {
            const name = tag('secret-ok');
            const run = buildFolder(client, dir, {
                tag: name,
                noCache: true,
                secrets: { 'parity-ca': readFileSync('/etc/ssl/certs/ca-certificates.crt') },
            });
            const result = await run.result;
            assert.equal(result.builder, 'buildkit');
            assert.equal(imageIdOf(name), result.imageId);
            assert.ok(
                logsOfLine(run.events, 3).some((line) => /^\d+\.\d+\.\d+$/.test(line)),
                `npm printed a version: ${logsOfLine(run.events, 3).join(' | ')}`,
            );

            const labels = JSON.parse(
                dockerCli(['image', 'inspect', '--format', '{{json .Config.Labels}}', name]),
            ) as Record<string, string>;
            assert.equal(labels['parity.purpose'], 'test');
            assert.ok(
                !dockerCli(['image', 'inspect', '--format', '{{json .Config.Env}}', name]).includes(
                    'NODE_EXTRA_CA_CERTS',
                ),
            );
            const needles = hostCaNeedles();
            assert.ok(needles.length > 0, 'this host has CAs of its own in /usr/local/share/ca-certificates');
            const script = `[ -z "$(ls -A /run/secrets 2>/dev/null)" ] || { echo "left in /run/secrets: $(ls -A /run/secrets)"; exit 1; }; ! grep -rlsF ${needles.map((needle) => `-e '${needle}'`).join(' ')} / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev`;
            const output = dockerCli([
                'run',
                '--rm',
                '--network',
                'none',
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=test',
                '--entrypoint',
                'sh',
                name,
                '-c',
                script,
            ]);
            assert.equal(output, '', 'nothing under /run/secrets and no trace of the CA anywhere in the image');
        });

        it("with a CA that is not the proxy's, the same step fails with SELF_SIGNED_CERT_IN_CHAIN in its log tail, at its line", async () => {
            const name = tag('secret-wrong-ca');
            const wrongCa = readFileSync(join(__dirname, '..', 'fixtures', 'probe', 'parity-test-ca.crt'));
            const run = buildFolder(client, dir, { tag: name, noCache: true, secrets: { 'parity-ca': wrongCa } });
            await assert.rejects(run.result, (error: unknown) => {
                assert.ok(error instanceof BuildError, String(error));
                assert.equal(error.kind, 'step');
                assert.equal(error.line, 3);
                assert.match(error.step ?? '', /^\[3\/3\] RUN --mount=type=secret,id=parity-ca/);
                assert.ok(
                    error.logTail.some((line) => line.includes('SELF_SIGNED_CERT_IN_CHAIN')),
                    error.logTail.join('\n'),
                );
                assert.ok(error.logTail.length <= 20);
                assert.equal(
                    error.message,
                    'The build failed at Dockerfile line 3 (RUN NODE_EXTRA_CA_CERTS=/run/secrets/parity-ca npm view is-number version --fetch-retries=0): the command exited with code 1.',
                );
                return true;
            });
            assert.equal(imageIdOf(name), undefined, 'nothing tagged');
        });

        it('without the secret, the required mount fails loudly: the secret and the line are named', async () => {
            const name = tag('secret-missing');
            await assert.rejects(buildFolder(client, dir, { tag: name, noCache: true }).result, (error: unknown) => {
                assert.ok(error instanceof BuildError, String(error));
                assert.equal(error.kind, 'secret');
                assert.equal(error.subject, 'parity-ca');
                assert.equal(error.line, 3);
                assert.equal(
                    error.message,
                    'Dockerfile line 3 mounts the build secret "parity-ca" with required=true, but the build was given no secret of that id.',
                );
                return true;
            });
            assert.equal(imageIdOf(name), undefined);
        });

        it('the session stays alive through a long step (the engine drops sessions that fail its health checks)', async () => {
            const slow = project({
                Dockerfile:
                    'FROM busybox\nRUN sleep 3\nRUN --mount=type=secret,id=parity-ca,target=/run/secrets/parity-ca,required=true wc -c < /run/secrets/parity-ca\n',
            });
            const run = buildFolder(client, slow, {
                tag: tag('secret-late'),
                noCache: true,
                secrets: { 'parity-ca': Buffer.from('twelve bytes') },
            });
            await run.result;
            assert.deepEqual(logsOfLine(run.events, 3), ['12']);
        });
    });

    describe('failures', () => {
        it('a failing RUN: the step, its Dockerfile line, its last 20 output lines; a tag held before stays where it was', async () => {
            const dir = project({
                Dockerfile:
                    'FROM busybox\nRUN echo fine\nRUN for i in $(seq 1 30); do echo "line $i"; done; \\\n    echo oops >&2; exit 7\nRUN echo never\n',
            });
            const name = tag('failing-run');
            dockerCli(['tag', 'busybox:latest', name]);
            const before = imageIdOf(name);
            const run = buildFolder(client, dir, { tag: name, noCache: true });
            await assert.rejects(run.result, (error: unknown) => {
                assert.ok(error instanceof BuildError, String(error));
                assert.equal(error.kind, 'step');
                assert.equal(error.line, 3);
                assert.equal(
                    error.step,
                    '[3/4] RUN for i in $(seq 1 30); do echo "line $i"; done;     echo oops >&2; exit 7',
                );
                assert.equal(
                    error.message,
                    'The build failed at Dockerfile line 3 (RUN for i in $(seq 1 30); do echo "line $i"; done; echo oops >&2; exit 7): the command exited with code 7.',
                );
                // stdout and stderr interleave as the engine forwarded them (their relative order is not kept),
                // so the tail is the last 20 lines of both, whichever way "oops" landed.
                assert.equal(error.logTail.length, 20);
                assert.ok(
                    error.logTail.includes('line 30') && !error.logTail.includes('line 10'),
                    error.logTail.join(' | '),
                );
                return true;
            });
            assert.equal(imageIdOf(name), before, 'the tag still names the image it named before the build');
            const failed = run.events.filter((event) => event.type === 'step-failed');
            assert.deepEqual(
                failed.map((event) => event.step.line),
                [3],
            );
            assert.ok(
                run.events.some(
                    (event) =>
                        event.type === 'log' &&
                        event.step?.line === 3 &&
                        event.stream === 'stderr' &&
                        event.text === 'oops',
                ),
            );
        });

        it('a Dockerfile syntax error: the line and what is wrong', async () => {
            const dir = project({ Dockerfile: 'FROM busybox\nRUN echo a\nFOO bar\n' });
            await assert.rejects(buildFolder(client, dir, { tag: tag('syntax') }).result, (error: unknown) => {
                assert.ok(error instanceof BuildError, String(error));
                assert.equal(error.kind, 'dockerfile');
                assert.equal(error.line, 3);
                assert.equal(
                    error.message,
                    'Dockerfile line 3 is not valid Dockerfile syntax: unknown instruction: FOO.',
                );
                return true;
            });
        });

        it('a base image that is neither present nor pullable: named, with its line and how to provide it', async () => {
            const dir = project({ Dockerfile: '# the app\nFROM parity-test/does-not-exist:1\nRUN echo hi\n' });
            const name = tag('missing-base');
            const started = Date.now();
            await assert.rejects(buildFolder(client, dir, { tag: name }).result, (error: unknown) => {
                assert.ok(error instanceof BuildError, String(error));
                assert.equal(error.kind, 'base-image');
                assert.equal(error.subject, 'parity-test/does-not-exist:1');
                assert.equal(error.line, 2);
                assert.match(
                    error.message,
                    /^The base image parity-test\/does-not-exist:1 \(Dockerfile line 2\) is not on the engine at unix:\/\/\/var\/run\/docker\.sock and could not be pulled \(the registry is not reachable from the engine\)\./,
                );
                assert.match(
                    error.message,
                    /docker pull parity-test\/does-not-exist:1 where a registry is reachable, docker load -i an exported copy, or docker tag an image you have as parity-test\/does-not-exist:1/,
                );
                return true;
            });
            assert.ok(Date.now() - started < 15_000);
            assert.equal(imageIdOf(name), undefined);
        });
    });

    describe('stopping a build', () => {
        it('cancel: rejected at once as cancelled, the engine stops running the step, nothing tagged', async () => {
            const marker = sleepMarker();
            const dir = project({ Dockerfile: `FROM busybox\nRUN echo started && sleep ${marker}\n` });
            const name = tag('cancel');
            const controller = new AbortController();
            let cancelledAt = 0;
            const run = buildFolder(client, dir, {
                tag: name,
                noCache: true,
                signal: controller.signal,
                onEvent: (event) => {
                    if (event.type === 'log' && event.text === 'started') {
                        cancelledAt = Date.now();
                        controller.abort();
                    }
                },
            });
            await assert.rejects(
                run.result,
                (error: unknown) =>
                    error instanceof EngineError &&
                    error.kind === 'cancelled' &&
                    /^Cancelled: building parity-test\/build-cancel-/.test(error.message),
            );
            assert.ok(cancelledAt > 0, 'the step had started');
            assert.ok(Date.now() - cancelledAt < 1000, `rejected ${Date.now() - cancelledAt} ms after cancel`);
            assert.ok(
                await waitFor(() => processesWith(`sleep ${marker}`) === 0, 3000),
                'the sleep stopped within 3 s of the cancel',
            );
            assert.deepEqual(containersWith(marker), []);
            assert.equal(imageIdOf(name), undefined);
        });

        it('the engine going away mid-build: a clear EngineError, no hang, nothing tagged', async () => {
            const proxy = await startSocketProxy();
            try {
                const marker = sleepMarker();
                const dir = project({ Dockerfile: `FROM busybox\nRUN echo started && sleep ${marker}\n` });
                const name = tag('engine-gone');
                let cutAt = 0;
                const run = buildFolder(engineClient(`unix://${proxy.path}`), dir, {
                    tag: name,
                    noCache: true,
                    onEvent: (event) => {
                        if (event.type === 'log' && event.text === 'started') {
                            cutAt = Date.now();
                            proxy.cut();
                        }
                    },
                });
                await assert.rejects(run.result, (error: unknown) => {
                    assert.ok(error instanceof EngineError, String(error));
                    assert.equal(error.kind, 'unreachable');
                    assert.equal(error.address, `unix://${proxy.path}`);
                    assert.match(
                        error.message,
                        /^The connection to Docker at unix:\/\/.*docker\.sock broke during the build of parity-test\/build-engine-gone-[0-9a-f]+:1 \(ECONNRESET\): the engine stopped, restarted or was cut off\. Nothing was tagged\.$/,
                    );
                    return true;
                });
                assert.ok(cutAt > 0 && Date.now() - cutAt < 2000, 'failed right after the cut');
                assert.ok(proxy.connections() >= 2, 'the session and the build both went through the proxy');
                assert.ok(
                    await waitFor(() => processesWith(`sleep ${marker}`) === 0, 5000),
                    'the engine stopped the step when its client vanished',
                );
                assert.equal(imageIdOf(name), undefined);
            } finally {
                await proxy.close();
            }
        });

        it('a frozen engine (connections open, nothing moving): given up once the session stays silent, not left hanging', async () => {
            const proxy = await startSocketProxy();
            const marker = sleepMarker();
            try {
                const dir = project({ Dockerfile: `FROM busybox\nRUN echo started && sleep ${marker}\n` });
                const name = tag('engine-frozen');
                let frozenAt = 0;
                const run = buildFolder(engineClient(`unix://${proxy.path}`), dir, {
                    tag: name,
                    noCache: true,
                    stallTimeoutMs: 2000,
                    onEvent: (event) => {
                        if (event.type === 'log' && event.text === 'started') {
                            frozenAt = Date.now();
                            proxy.freeze();
                        }
                    },
                });
                await assert.rejects(run.result, (error: unknown) => {
                    assert.ok(error instanceof EngineError, String(error));
                    assert.equal(error.kind, 'unreachable');
                    assert.match(
                        error.message,
                        /stopped answering during the build of parity-test\/build-engine-frozen-[0-9a-f]+:1 \(no sign of life for 2 s\); the build was abandoned and nothing was tagged\.$/,
                    );
                    return true;
                });
                const waited = Date.now() - frozenAt;
                assert.ok(waited >= 1000 && waited < 6000, `gave up ${waited} ms after the freeze`);
                assert.equal(imageIdOf(name), undefined);
            } finally {
                await proxy.close();
            }
            assert.ok(
                await waitFor(() => processesWith(`sleep ${marker}`) === 0, 5000),
                'once the connections closed, the engine stopped the step',
            );
        });
    });

    it('build args and a target stage reach the build; steps of the target stage still map to their lines', async () => {
        const dir = project({
            Dockerfile:
                'ARG BASE=debian:bookworm-slim\nFROM ${BASE} AS base\nARG GREETING\nRUN echo "$GREETING" > /greeting\n\nFROM base AS extra\nRUN touch /extra\n',
        });
        const name = tag('target');
        const run = buildFolder(client, dir, {
            tag: name,
            target: 'base',
            noCache: true,
            buildArgs: { BASE: 'busybox:latest', GREETING: 'hello from an arg' },
        });
        await run.result;
        assert.ok(
            run.events.some(
                (event) =>
                    event.type === 'step-started' &&
                    event.step.name === '[internal] load metadata for docker.io/library/busybox:latest' &&
                    event.step.line === 2,
            ),
        );
        assert.ok(run.events.some((event) => event.type === 'step-completed' && event.step.line === 4));
        assert.ok(
            !run.events.some((event) => 'step' in event && event.step?.line === 7),
            'the extra stage is not built',
        );
        assert.equal(
            dockerCli([
                'run',
                '--rm',
                '--network',
                'none',
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=test',
                name,
                'sh',
                '-c',
                'cat /greeting; ls /extra 2>&1 || true',
            ]),
            'hello from an arg\nls: /extra: No such file or directory',
        );
    });

    it('labels and the tag land on the result; classic-only options are refused up front', async () => {
        const dir = project({ Dockerfile: 'FROM busybox\nCOPY Dockerfile /\n' });
        const name = tag('labels');
        const result = await buildFolder(client, dir, { tag: name, labels: { 'org.example.extra': 'yes' } }).result;
        const labels = JSON.parse(
            dockerCli(['image', 'inspect', '--format', '{{json .Config.Labels}}', name]),
        ) as Record<string, string>;
        assert.deepEqual(
            {
                managed: labels['parity.managed'],
                purpose: labels['parity.purpose'],
                extra: labels['org.example.extra'],
            },
            { managed: TEST_LABELS['parity.managed'], purpose: 'test', extra: 'yes' },
        );
        assert.equal(imageIdOf(name), result.imageId);
        await assert.rejects(
            buildFolder(client, dir, { tag: 'Not A Tag' }).result,
            (error: unknown) => error instanceof BuildError && error.kind === 'request',
        );
    });
});
