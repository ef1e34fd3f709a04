import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BuildEvent } from '../../src/core/build/BuildEvent';
import { BuildError } from '../../src/core/build/BuildError';
import { EngineError } from '../../src/engine/EngineError';
import { dockerCli } from '../support/dockerCli';
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
    testTag,
    waitFor,
} from './buildTestKit';
import { requireEngine } from './requireEngine';
import { pruneParityImages } from '../support/pruneParityImages';

const client = engineClient();
const tags = new Set<string>();
const folders: string[] = [];

function tag(name: string): string {
    const value = testTag(name);
    tags.add(value);
    return value;
}

function project(files: Readonly<Record<string, string>>): string {
    const dir = makeProject(files);
    folders.push(dir);
    return dir;
}

const SIMPLE = 'FROM busybox\nWORKDIR /app\nCOPY hello.txt .\nRUN cat hello.txt && echo built\n';

/** Event kinds of the Dockerfile's own steps; a step that ends cached counts as ended. */
function kinds(events: readonly BuildEvent[]): string[] {
    return [
        ...new Set(
            events
                .filter((event) => !('step' in event && event.step?.internal))
                .map((event) => (event.type === 'step-cached' ? 'step-completed' : event.type)),
        ),
    ].sort();
}

describe('the classic builder (real engine)', () => {
    before(requireEngine);
    after(() => {
        removeImages(tags);
        folders.forEach(removeProject);
        pruneParityImages();
    });

    it('builds the same simple image as BuildKit and reports the same kinds of events, at the same lines', async () => {
        const dir = project({ Dockerfile: SIMPLE, 'hello.txt': 'hello from the context\n' });
        const classic = buildFolder(client, dir, { tag: tag('classic'), builder: 'classic', noCache: true });
        const buildkit = buildFolder(client, dir, { tag: tag('buildkit'), builder: 'buildkit', noCache: true });
        const [classicResult, buildkitResult] = await Promise.all([classic.result, buildkit.result]);
        assert.equal(classicResult.builder, 'classic');
        assert.equal(buildkitResult.builder, 'buildkit');
        for (const run of [classic, buildkit]) {
            assert.deepEqual(logsOfLine(run.events, 4), ['hello from the context', 'built']);
            assert.deepEqual(kinds(run.events), ['image', 'log', 'step-completed', 'step-started']);
            const ended = run.events.flatMap((event) =>
                (event.type === 'step-completed' || event.type === 'step-cached') && !event.step.internal
                    ? [event.step.line]
                    : [],
            );
            assert.deepEqual([...new Set(ended)].sort(), [1, 2, 3, 4]);
        }
        for (const [name, result] of [...tags]
            .slice(-2)
            .map((name, i) => [name, i === 0 ? classicResult : buildkitResult] as const)) {
            assert.equal(imageIdOf(name), result.imageId);
            assert.equal(
                dockerCli(['image', 'inspect', '--format', '{{index .Config.Labels "parity.purpose"}}', name]),
                'test',
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
                    'cat',
                    '/app/hello.txt',
                ]),
                'hello from the context',
            );
        }
    });

    it('a warm build with each builder tags the image it reports, every time', async () => {
        const dir = project({ Dockerfile: SIMPLE, 'hello.txt': 'warm\n' });
        for (const builder of ['buildkit', 'classic'] as const) {
            const name = tag(`warm-${builder}`);
            await buildFolder(client, dir, { tag: name, builder }).result;
            for (let i = 0; i < 3; i++) {
                const result = await buildFolder(client, dir, { tag: name, builder }).result;
                assert.equal(imageIdOf(name), result.imageId);
            }
        }
    });

    it('a failing RUN: its line and output; the failed step leaves no container behind', async () => {
        const marker = `exit-${sleepMarker()}`;
        const dir = project({
            Dockerfile: `FROM busybox\nRUN echo "${marker}" && echo one && echo two >&2 && exit 4\n`,
        });
        const name = tag('classic-failing');
        const run = buildFolder(client, dir, { tag: name, builder: 'classic' });
        await assert.rejects(run.result, (error: unknown) => {
            assert.ok(error instanceof BuildError, String(error));
            assert.equal(error.kind, 'step');
            assert.equal(error.line, 2);
            assert.equal(error.step, `Step 2/4 : RUN echo "${marker}" && echo one && echo two >&2 && exit 4`);
            // stderr (which the engine marks in red) is told apart, but may overtake stdout on the way.
            assert.deepEqual([...error.logTail].sort(), [marker, 'one', 'two'].sort());
            assert.match(
                error.message,
                /^The build failed at Dockerfile line 2 \(RUN echo .*\): the command exited with code 4\.$/,
            );
            return true;
        });
        assert.ok(
            run.events.some((event) => event.type === 'log' && event.stream === 'stderr' && event.text === 'two'),
        );
        assert.ok(
            run.events.some((event) => event.type === 'log' && event.stream === 'stdout' && event.text === 'one'),
        );
        assert.deepEqual(containersWith(marker), []);
        assert.equal(imageIdOf(name), undefined);
    });

    it('a syntax error is refused before the build starts: still the line', async () => {
        const dir = project({ Dockerfile: 'FROM busybox\nRUN echo a\nFOO bar\n' });
        await assert.rejects(
            buildFolder(client, dir, { tag: tag('classic-syntax'), builder: 'classic' }).result,
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'dockerfile' &&
                error.line === 3 &&
                error.message === 'Dockerfile line 3 is not valid Dockerfile syntax: unknown instruction: FOO.',
        );
    });

    it('a missing base image is the same clear error as with BuildKit', async () => {
        const dir = project({ Dockerfile: 'FROM parity-test/does-not-exist:1\nRUN echo hi\n' });
        await assert.rejects(
            buildFolder(client, dir, { tag: tag('classic-missing-base'), builder: 'classic' }).result,
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'base-image' &&
                error.subject === 'parity-test/does-not-exist:1' &&
                error.line === 1,
        );
    });

    it('cancel kills and removes the step container; nothing tagged', async () => {
        const marker = sleepMarker();
        const dir = project({ Dockerfile: `FROM busybox\nRUN echo started && sleep ${marker}\n` });
        const name = tag('classic-cancel');
        const controller = new AbortController();
        const run = buildFolder(client, dir, {
            tag: name,
            builder: 'classic',
            noCache: true,
            signal: controller.signal,
            onEvent: (event) => {
                if (event.type === 'log' && event.text === 'started') {
                    controller.abort();
                }
            },
        });
        await assert.rejects(
            run.result,
            (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
        );
        assert.ok(
            await waitFor(() => processesWith(`sleep ${marker}`) === 0 && containersWith(marker).length === 0, 5000),
            `still there: ${containersWith(marker).join(', ')}`,
        );
        assert.equal(imageIdOf(name), undefined);
    });

    it('build secrets need BuildKit: asked of the classic builder, a clear refusal before anything runs', async () => {
        const dir = project({ Dockerfile: 'FROM busybox\n' });
        await assert.rejects(
            buildFolder(client, dir, {
                tag: tag('classic-secret'),
                builder: 'classic',
                secrets: { 'parity-ca': Buffer.from('x') },
            }).result,
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'request' &&
                /classic builder, which has no build secrets \(parity-ca\)/.test(error.message),
        );
    });
});
