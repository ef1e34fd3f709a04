import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workspaceGlobToRegExp } from '../../../../../src/core/project/node/workspaceGlobToRegExp';

const matches = (glob: string, dirs: readonly string[]): string[] =>
    dirs.filter((dir) => workspaceGlobToRegExp(glob).test(dir));
const dirs = ['apps/api', 'apps/web', 'apps/web/e2e', 'packages/ui', 'packages/legacy-ui', 'tools/cli', 'apps2/x'];

describe('workspaceGlobToRegExp', () => {
    it('matches one segment with *', () => {
        assert.deepEqual(matches('apps/*', dirs), ['apps/api', 'apps/web']);
        assert.deepEqual(matches('packages/legacy-*', dirs), ['packages/legacy-ui']);
    });

    it('matches any depth with **', () => {
        assert.deepEqual(matches('apps/**', dirs), ['apps/api', 'apps/web', 'apps/web/e2e']);
        assert.deepEqual(matches('**/e2e', dirs), ['apps/web/e2e']);
    });

    it('matches exact paths, ignoring ./ and a trailing slash', () => {
        assert.deepEqual(matches('tools/cli', dirs), ['tools/cli']);
        assert.deepEqual(matches('./tools/cli/', dirs), ['tools/cli']);
    });

    it('supports ? and {a,b}', () => {
        assert.deepEqual(matches('{apps,tools}/*', dirs), ['apps/api', 'apps/web', 'tools/cli']);
        assert.deepEqual(matches('apps/ap?', dirs), ['apps/api']);
    });

    it('treats regular expression characters literally', () => {
        assert.deepEqual(matches('apps.web', ['apps/web', 'apps.web']), ['apps.web']);
    });
});
