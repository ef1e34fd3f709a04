import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerArch } from '../../../../src/core/snapshot/dockerArch';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { hashEnvValue } from '../../../../src/core/snapshot/hashEnvValue';
import { isSecretName } from '../../../../src/core/snapshot/isSecretName';
import { encodingOf, localeFacts } from '../../../../src/core/snapshot/localeFacts';
import { parseOsRelease } from '../../../../src/core/snapshot/parseOsRelease';
import { parseProcLimits } from '../../../../src/core/snapshot/parseProcLimits';
import { runtimeManagerOf } from '../../../../src/core/snapshot/runtimeManagerOf';

describe('environment facts', () => {
    it('locale: LC_ALL beats LC_CTYPE beats LANG; nothing set means C (ASCII)', () => {
        assert.equal(localeFacts({ LANG: 'en_US.UTF-8', LC_ALL: 'de_DE.ISO-8859-1' }).effective, 'de_DE.ISO-8859-1');
        assert.equal(localeFacts({ LANG: 'en_US.UTF-8', LC_CTYPE: 'C' }).effective, 'C');
        const bare = localeFacts({});
        assert.equal(bare.effective, 'C');
        assert.equal(bare.encoding, 'ANSI_X3.4-1968');
        assert.equal(bare.vars.LANG, null);
        assert.equal(encodingOf('en_US.utf8'), 'UTF-8');
        assert.equal(encodingOf('sr_RS.UTF-8@latin'), 'UTF-8');
    });

    it('limits from /proc: numbers, and unlimited as null', () => {
        const text = [
            'Limit                     Soft Limit           Hard Limit           Units',
            'Max processes             96365                unlimited            processes',
            'Max open files            1024                 1048576              files',
        ].join('\n');
        assert.deepEqual(parseProcLimits(text), {
            nofile: { soft: 1024, hard: 1048576 },
            nproc: { soft: 96365, hard: null },
        });
        assert.deepEqual(parseProcLimits(''), { nofile: null, nproc: null });
    });

    it('os-release: quoted and bare values', () => {
        const fields = parseOsRelease(
            'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n# comment\nHOME_URL=\'https://x\'\n',
        );
        assert.deepEqual(fields, {
            PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
            ID: 'debian',
            VERSION_ID: '12',
            HOME_URL: 'https://x',
        });
    });

    it('secret-looking names, and the shell variables that only look like them', () => {
        for (const name of [
            'GITHUB_TOKEN',
            'DB_PASSWORD',
            'STRIPE_API_KEY',
            'AWS_SECRET_ACCESS_KEY',
            'SESSION_SECRET',
            'DATABASE_URL',
            'SENTRY_DSN',
            'private_key',
        ]) {
            assert.equal(isSecretName(name), true, name);
        }
        for (const name of [
            'PATH',
            'HOME',
            'PWD',
            'OLDPWD',
            'NODE_ENV',
            'PORT',
            'LANG',
            'KEYBOARD_LAYOUT',
            'SSH_AUTH_SOCK',
        ]) {
            assert.equal(isSecretName(name), false, name);
        }
    });

    it('env hashes: the name is part of the hash, the value never appears', () => {
        const key = EnvHashKey.generate();
        const hash = hashEnvValue(key, 'API_TOKEN', 'hunter2');
        assert.match(hash, /^[0-9a-f]{64}$/);
        assert.notEqual(hash, hashEnvValue(key, 'OTHER', 'hunter2'));
        assert.equal(hash, hashEnvValue(key, 'API_TOKEN', 'hunter2'));
        assert.ok(!hash.includes('hunter2'));
    });

    it("architectures and version managers by Docker's and the tools' names", () => {
        assert.equal(dockerArch('x64'), 'amd64');
        assert.equal(dockerArch('aarch64'), 'arm64');
        assert.equal(dockerArch('riscv64'), 'riscv64');
        assert.equal(runtimeManagerOf('/home/dev/.nvm/versions/node/v20.11.1/bin/node'), 'nvm');
        assert.equal(runtimeManagerOf('/root/.pyenv/versions/3.11.7/bin/python3'), 'pyenv');
        assert.equal(runtimeManagerOf('/home/dev/.local/share/mise/installs/node/22/bin/node'), 'mise');
        assert.equal(runtimeManagerOf('/opt/homebrew/Cellar/node/22.1.0/bin/node'), 'homebrew');
        assert.equal(runtimeManagerOf('/usr/bin/node'), 'system');
        assert.equal(runtimeManagerOf(null), 'system');
    });
});
