import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    diffTargetValue,
    DiffTargetError,
    formatDiffTarget,
    isEngineTarget,
    parseDiffTarget,
} from '../../../../src/core/diff/DiffTarget';
import { engineRefText } from '../../../../src/core/targetAddress';

describe('parseDiffTarget', () => {
    it('reads every kind, the engine kinds with their @ENGINE, and writes each back as it was given', () => {
        const digest = `127.0.0.1:5000/app@sha256:${'a'.repeat(64)}`;
        const cases: [text: string, kind: string, value: string, engine?: string][] = [
            ['host:.', 'host', '.'],
            ['file:.parity/prod@2.snapshot.json', 'file', '.parity/prod@2.snapshot.json'],
            ['image:node:20', 'image', 'node:20'],
            ['container:api@ssh://deploy@127.0.0.1:2222', 'container', 'api', 'ssh://deploy@127.0.0.1:2222'],
            ['swarm:web@cloud', 'swarm', 'web', 'cloud'],
            [`registry:${digest}`, 'registry', digest],
        ];
        for (const [text, kind, value, engine] of cases) {
            const target = parseDiffTarget(text);
            assert.equal(target.kind, kind, text);
            assert.equal(diffTargetValue(target), value, text);
            assert.equal(
                isEngineTarget(target) && target.engine ? engineRefText(target.engine) : undefined,
                engine,
                text,
            );
            assert.equal(formatDiffTarget(target), text);
        }
    });

    it('refuses an unknown kind, a missing name and a bad engine address with the way to write one', () => {
        assert.throws(
            () => parseDiffTarget('vm:web'),
            (error: unknown) =>
                error instanceof DiffTargetError &&
                /use host:PATH, image:REF, container:NAME, swarm:SERVICE, registry:REF or file:PATH/.test(
                    error.message,
                ),
        );
        assert.throws(() => parseDiffTarget('swarm:'), /"swarm:" names no service after "swarm:"/);
        assert.throws(() => parseDiffTarget('container:@cloud'), /it names no container before "@"/);
        assert.throws(() => parseDiffTarget('container:api@tcp://'), DiffTargetError);
    });
});
