import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../../src/core/images/imageReference';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';

describe('imageTagFor', () => {
    it('two projects with the same folder name get different, readable, valid tags; each is stable', () => {
        const base = mkdtempSync(join(tmpdir(), 'parity tags '));
        const a = join(base, 'a', 'api');
        const b = join(base, 'b', 'api');
        mkdirSync(a, { recursive: true });
        mkdirSync(b, { recursive: true });
        const tagA = imageTagFor(a);
        const tagB = imageTagFor(b);
        assert.match(tagA, /^api-[0-9a-f]{8}:parity$/);
        assert.match(tagB, /^api-[0-9a-f]{8}:parity$/);
        assert.notEqual(tagA, tagB);
        assert.equal(imageTagFor(a), tagA, 'stable');
        symlinkSync(a, join(base, 'alias'));
        assert.equal(imageTagFor(join(base, 'alias')), tagA, 'the real path decides, not the way there');
    });

    it('any folder name becomes a valid repository name; an app inside a project is named after its own folder', () => {
        for (const name of ['My App (copy)', '__init__', '.hidden', 'ÄÖÜ', 'a._-b', 'x'.repeat(300).slice(0, 200)]) {
            const tag = imageTagFor(join(tmpdir(), 'parity-no-such-parent', name));
            assert.doesNotThrow(() => parseImageReference(tag), tag);
        }
        assert.match(imageTagFor(join(tmpdir(), 'mono'), 'apps/web'), /^web-[0-9a-f]{8}:parity$/);
        assert.match(imageTagFor(join(tmpdir(), '...')), /^app-[0-9a-f]{8}:parity$/);
    });
});
