import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BuildEvent } from '../../../../src/core/build/BuildEvent';
import { buildFailure } from '../../../../src/core/build/buildFailure';
import { BuildkitProgress } from '../../../../src/core/build/BuildkitProgress';
import type { BuildkitStatusDecoder } from '../../../../src/core/build/BuildkitStatus';
import type { BuildOutcome, BuildProgress, BuildStreamMessage } from '../../../../src/core/build/BuildProgress';
import { ClassicProgress } from '../../../../src/core/build/ClassicProgress';
import { locateBuildStep } from '../../../../src/core/build/locateBuildStep';
import { parseDockerfile } from '../../../../src/core/build/parseDockerfile';
import { loadBuildkitStatusDecoder } from '../../../../src/engine/build/buildkitStatusDecoder';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'build');
/** The engine layer's decoder of BuildKit's protobuf status (BuildkitProgress itself loads no protobuf library). */
let decode: BuildkitStatusDecoder;
before(async () => {
    decode = await loadBuildkitStatusDecoder();
});

/** Replays a `/build` response captured from Docker 20.10.24 (one JSON message per line). */
function replay(
    streamFile: string,
    dockerfileFile: string,
    make: (emit: (event: BuildEvent) => void, locate: (name: string) => number | undefined) => BuildProgress,
): { events: BuildEvent[]; outcome: BuildOutcome; dockerfile: ReturnType<typeof parseDockerfile> } {
    const dockerfile = parseDockerfile(readFileSync(join(fixtures, dockerfileFile), 'utf8'));
    const events: BuildEvent[] = [];
    const progress = make(
        (event) => events.push(event),
        (name) => locateBuildStep(name, dockerfile)?.line,
    );
    for (const line of readFileSync(join(fixtures, streamFile), 'utf8').split('\n').filter(Boolean)) {
        progress.accept(JSON.parse(line) as BuildStreamMessage);
    }
    return { events, outcome: progress.finish(), dockerfile };
}

/** Every step that starts ends exactly once, and nothing ends that did not start (cached steps may skip the start). */
function assertWellFormed(events: readonly BuildEvent[]): void {
    const ends = new Map<string, number>();
    for (const event of events) {
        if (event.type === 'step-completed' || event.type === 'step-failed' || event.type === 'step-cached') {
            ends.set(event.step.id, (ends.get(event.step.id) ?? 0) + 1);
        }
    }
    for (const [id, count] of ends) {
        assert.equal(count, 1, `step ${id} ended ${count} times`);
    }
    for (const event of events) {
        if (event.type === 'step-started') {
            assert.ok(ends.has(event.step.id), `step ${event.step.name} started and never ended`);
        }
    }
}

const engine = 'unix:///var/run/docker.sock';

describe('build progress from real streams', () => {
    const builders = [
        {
            name: 'BuildKit',
            stream: 'buildkit-failing-run.jsonl',
            make: (emit: (event: BuildEvent) => void, locate: (name: string) => number | undefined) =>
                new BuildkitProgress(emit, locate, decode),
        },
        {
            name: 'the classic builder',
            stream: 'classic-failing-run.jsonl',
            make: (emit: (event: BuildEvent) => void, locate: (name: string) => number | undefined) =>
                new ClassicProgress(emit, locate),
        },
    ];
    for (const builder of builders) {
        it(`${builder.name}: a failing RUN gives its step, Dockerfile line and output`, () => {
            const { events, outcome, dockerfile } = replay(builder.stream, 'failing-run.Dockerfile', builder.make);
            assertWellFormed(events);
            const failed = events.filter((event) => event.type === 'step-failed');
            assert.equal(failed.length, 1);
            assert.equal(failed[0]?.step.line, 14);
            assert.equal(outcome.failedStep?.line, 14);
            assert.deepEqual(outcome.logTail, ['seven', 'eight']);
            const echoes = events.filter(
                (event) => event.type === 'log' && /^(one|two|three|four|five|six)$/.test(event.text),
            );
            assert.deepEqual(
                echoes.map((event) => (event.type === 'log' ? [event.text, event.step?.line] : [])),
                [
                    ['one', 7],
                    ['two', 8],
                    ['three', 9],
                    ['four', 10],
                    ['five', 12],
                    ['six', 13],
                ],
            );
            assert.ok(
                events.some(
                    (event) =>
                        (event.type === 'step-completed' || event.type === 'step-cached') && event.step.line === 6,
                ),
                'WORKDIR ended',
            );

            const error = buildFailure(outcome, { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine });
            assert.equal(error.kind, 'step');
            assert.equal(error.line, 14);
            assert.equal(
                error.message,
                'The build failed at Dockerfile line 14 (RUN echo seven && echo eight && exit 3): the command exited with code 3.',
            );
            assert.deepEqual(error.logTail, ['seven', 'eight']);
        });
    }

    it('both builders report the same kinds of events for the same build', () => {
        // BuildKit 0.8 reports WORKDIR as cached even with no-cache; a step ending cached or completed is the same kind here.
        const kinds = (stream: string, make: (typeof builders)[number]['make']): string[] =>
            [
                ...new Set(
                    replay(stream, 'failing-run.Dockerfile', make)
                        .events.filter((event) => !('step' in event && event.step?.internal))
                        .map((event) => (event.type === 'step-cached' ? 'step-completed' : event.type)),
                ),
            ].sort();
        assert.deepEqual(
            kinds('buildkit-failing-run.jsonl', builders[0]!.make),
            kinds('classic-failing-run.jsonl', builders[1]!.make),
        );
        assert.deepEqual(kinds('classic-failing-run.jsonl', builders[1]!.make), [
            'log',
            'step-completed',
            'step-failed',
            'step-started',
        ]);
    });

    it('BuildKit: a successful two-stage build with stdout and stderr, and the image id', () => {
        const { events, outcome } = replay(
            'buildkit-multistage.jsonl',
            'multistage.Dockerfile',
            (emit, locate) => new BuildkitProgress(emit, locate, decode),
        );
        assertWellFormed(events);
        assert.equal(outcome.error, undefined);
        assert.match(outcome.imageId ?? '', /^sha256:[0-9a-f]{64}$/);
        assert.ok(events.some((event) => event.type === 'image' && event.imageId === outcome.imageId));
        const logs = events.filter((event) => event.type === 'log');
        assert.ok(
            logs.some(
                (event) =>
                    event.type === 'log' &&
                    event.text === '7.0.0' &&
                    event.stream === 'stdout' &&
                    event.step?.line === 3,
            ),
            'npm view printed the version on line 3',
        );
        assert.ok(
            logs.some(
                (event) =>
                    event.type === 'log' && event.text === 'err' && event.stream === 'stderr' && event.step?.line === 5,
            ),
        );
        assert.ok(
            logs.some(
                (event) =>
                    event.type === 'log' &&
                    event.stream === 'stderr' &&
                    /No such file or directory/.test(event.text) &&
                    event.step?.line === 9,
            ),
        );
        const internal = events
            .filter((event) => event.type === 'step-started' && event.step.internal)
            .map((event) => (event.type === 'step-started' ? event.step.name : ''));
        assert.ok(internal.includes('exporting to image'));
    });

    it('lines split across messages are joined, carriage-return progress keeps the last state, the tail keeps 20 lines', () => {
        const events: BuildEvent[] = [];
        const progress = new ClassicProgress((event) => events.push(event));
        progress.accept({ stream: 'Step 1/2 : FROM busybox' });
        progress.accept({ stream: '\n' });
        progress.accept({ stream: ' ---> e803ee5b157f\n' });
        progress.accept({ stream: 'Step 2/2 : RUN x' });
        progress.accept({ stream: '\n ---> Running in 0123456789ab\nhal' });
        progress.accept({ stream: 'f a line\n10%\r50%\r100%\n' });
        for (let i = 0; i < 25; i++) {
            progress.accept({ stream: `line ${i}\n` });
        }
        progress.accept({
            errorDetail: { message: "The command '/bin/sh -c x' returned a non-zero code: 1" },
            error: 'x',
        });
        const outcome = progress.finish();
        const logs = events.flatMap((event) => (event.type === 'log' ? [event.text] : []));
        assert.deepEqual(logs.slice(0, 2), ['half a line', '100%']);
        assert.equal(outcome.logTail.length, 20);
        assert.equal(outcome.logTail.at(-1), 'line 24');
        assert.deepEqual(
            events.filter((event) => event.type !== 'log').map((event) => event.type),
            ['step-started', 'step-completed', 'step-started', 'step-failed'],
        );
    });
});

describe('buildFailure', () => {
    const dockerfile = parseDockerfile(
        'FROM busybox\nRUN echo ok\nFROM parity-test/does-not-exist:1\nRUN --mount=type=secret,id=parity-ca,target=/run/secrets/ca,required=true true\n',
    );

    it('a base image BuildKit could not resolve: names the image as written, its line, and how to provide it', () => {
        const error = buildFailure(
            {
                failedStep: {
                    id: 'x',
                    name: '[internal] load metadata for docker.io/parity-test/does-not-exist:1',
                    internal: true,
                    line: 3,
                },
                failedStepError:
                    'failed to do request: Head "https://registry-1.docker.io/v2/parity-test/does-not-exist/manifests/1": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
                error: 'failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/parity-test/does-not-exist/manifests/1": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
                logTail: [],
                warnings: [],
            },
            { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine },
        );
        assert.equal(error.kind, 'base-image');
        assert.equal(error.subject, 'parity-test/does-not-exist:1');
        assert.equal(error.line, 3);
        assert.match(
            error.message,
            /^The base image parity-test\/does-not-exist:1 \(Dockerfile line 3\) is not on the engine at unix:\/\/\/var\/run\/docker\.sock and could not be pulled \(the registry is not reachable from the engine\)\. Provide it on that engine — docker pull parity-test\/does-not-exist:1 /,
        );
        assert.match(error.message, /docker load -i/);
    });

    it('a step that ran out of disk: the full disk, the engine and its data root, not "exited with code 1"', () => {
        const error = buildFailure(
            {
                failedStep: { id: 'x', name: '[2/2] RUN echo ok', internal: false, line: 2 },
                failedStepError: 'process "/bin/sh -c echo ok" did not complete successfully: exit code: 1',
                error: 'process "/bin/sh -c echo ok" did not complete successfully: exit code: 1',
                logTail: ["dd: error writing '/big': No space left on device"],
                warnings: [],
            },
            { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine, dataRoot: '/srv/docker' },
        );
        assert.equal(error.kind, 'disk-full');
        assert.equal(error.line, 2);
        assert.match(
            error.message,
            /^The disk of the Docker engine at unix:\/\/\/var\/run\/docker\.sock is full \(no space left on device\) during the build, at Dockerfile line 2 \(RUN echo ok\)\. Free space on the disk that holds its data root \/srv\/docker — /,
        );
    });

    it('the classic builder failing at a FROM is the same error', () => {
        const error = buildFailure(
            {
                failedStep: {
                    id: 'step-3',
                    name: 'Step 3/6 : FROM parity-test/does-not-exist:1',
                    internal: false,
                    line: 3,
                },
                failedStepError:
                    'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
                error: 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
                logTail: [],
                warnings: [],
            },
            { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine },
        );
        assert.equal(error.kind, 'base-image');
        assert.equal(error.subject, 'parity-test/does-not-exist:1');
        assert.equal(error.line, 3);
    });

    it('a missing required secret names the secret and the line', () => {
        const error = buildFailure(
            {
                failedStep: {
                    id: 'x',
                    name: '[stage-1 2/2] RUN --mount=type=secret,id=parity-ca,target=/run/secrets/ca,required=true true',
                    internal: false,
                    line: 4,
                },
                failedStepError: 'secret parity-ca not found: not found',
                error: 'secret parity-ca not found: not found',
                logTail: [],
                warnings: [],
            },
            { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine },
        );
        assert.equal(error.kind, 'secret');
        assert.equal(error.subject, 'parity-ca');
        assert.equal(
            error.message,
            'Dockerfile line 4 mounts the build secret "parity-ca" with required=true, but the build was given no secret of that id.',
        );
    });

    it('parse errors from either builder carry the line', () => {
        for (const message of [
            'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 3: unknown instruction: FOO',
            'dockerfile parse error line 3: unknown instruction: FOO',
        ]) {
            const error = buildFailure(
                { error: message, logTail: [], warnings: [] },
                { dockerfilePath: 'Dockerfile', dockerfile, engineAddress: engine },
            );
            assert.equal(error.kind, 'dockerfile');
            assert.equal(error.line, 3);
            assert.equal(error.message, 'Dockerfile line 3 is not valid Dockerfile syntax: unknown instruction: FOO.');
        }
    });
});
