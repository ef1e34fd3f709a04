import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockedNodePackages } from '../../../../../src/core/project/node/lockedNodePackages';

describe('lockedNodePackages', () => {
    it('package-lock.json v3: the last node_modules segment, nested and scoped', () => {
        const text =
            '{\n  "packages": {\n    "": {},\n    "node_modules/express": {\n    },\n    "node_modules/express/node_modules/bcrypt": {\n    },\n    "node_modules/@img/sharp-linux-x64": {\n    }\n  }\n}\n';
        assert.deepEqual(
            [...lockedNodePackages('package-lock.json', text)],
            [
                ['express', 4],
                ['bcrypt', 6],
                ['@img/sharp-linux-x64', 8],
            ],
        );
    });

    it('pnpm-lock.yaml v6 and v9 keys', () => {
        const text =
            "lockfileVersion: '9.0'\npackages:\n\n  bcrypt@5.1.1:\n    resolution: {}\n  '@img/sharp-libvips-linux-x64@1.0.4':\n    resolution: {}\n  /canvas@2.11.2:\n    resolution: {}\n";
        assert.deepEqual(
            [...lockedNodePackages('pnpm-lock.yaml', text)],
            [
                ['bcrypt', 4],
                ['@img/sharp-libvips-linux-x64', 6],
                ['canvas', 8],
            ],
        );
    });

    it('yarn.lock classic and berry headers; bun.lock packages', () => {
        const classic =
            '# yarn lockfile v1\n\n\nbcrypt@^5.1.1:\n  version "5.1.1"\n\n"@types/node@*", "@types/node@^20":\n  version "20.0.0"\n';
        assert.deepEqual(
            [...lockedNodePackages('yarn.lock', classic)],
            [
                ['bcrypt', 4],
                ['@types/node', 7],
            ],
        );
        const berry = '__metadata:\n  version: 8\n\n"sharp@npm:^0.33.5":\n  version: 0.33.5\n';
        assert.deepEqual([...lockedNodePackages('yarn.lock', berry)], [['sharp', 4]]);
        const bun =
            '{\n  "lockfileVersion": 1,\n  "packages": {\n    "bcrypt": ["bcrypt@5.1.1", "", {}, "sha512-x"],\n  }\n}\n';
        assert.deepEqual([...lockedNodePackages('bun.lock', bun)], [['bcrypt', 4]]);
    });

    it('unknown formats and binary bun.lockb yield nothing', () => {
        assert.equal(lockedNodePackages('bun.lockb', 'bcrypt@5').size, 0);
    });
});
