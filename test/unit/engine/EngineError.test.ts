import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { EngineError, isEngineError } from '../../../src/engine/EngineError';

describe('EngineError', () => {
    it('is recognised by instanceof even when another copy of the class (another bundle) made it', async () => {
        // A second bundle of the module, as pipeline.js carries its own copy of the class.
        const dir = mkdtempSync(join(tmpdir(), 'parity-engine-error-'));
        const outfile = join(dir, 'copy.cjs');
        buildSync({
            entryPoints: [join(__dirname, '../../../src/engine/EngineError.ts')],
            bundle: true,
            format: 'cjs',
            platform: 'node',
            outfile,
            logLevel: 'silent',
        });
        const other = (await import(outfile)) as typeof import('../../../src/engine/EngineError');
        rmSync(dir, { recursive: true, force: true });
        assert.notEqual(other.EngineError, EngineError, 'a separate copy of the class');
        const error = new other.EngineError('api', 'no such image', 'unix:///var/run/docker.sock', 404);
        assert.ok(error instanceof EngineError);
        assert.ok(isEngineError(error));
        assert.equal(error.statusCode, 404);
    });

    it('is not claimed by plain errors or look-alikes without the brand', () => {
        assert.equal(new Error('x') instanceof EngineError, false);
        assert.equal(Object.assign(new Error('x'), { kind: 'api', statusCode: 404 }) instanceof EngineError, false);
        assert.equal((null as unknown) instanceof EngineError, false);
        assert.equal(('EngineError' as unknown) instanceof EngineError, false);
    });
});
