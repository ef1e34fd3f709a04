import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { readDotenv } from '../../../../src/core/project/readDotenv';
import { readProcfile } from '../../../../src/core/project/readProcfile';
import { readToolPins } from '../../../../src/core/project/toolVersions';
import { hashEnvValue } from '../../../../src/core/snapshot/hashEnvValue';

const KEY = EnvHashKey.generate();

function project(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'parity-conv-'));
    for (const [name, text] of Object.entries(files)) {
        writeFileSync(join(root, name), text);
    }
    return root;
}

describe('.env files', () => {
    it('keeps keys, lines and hashes — never a value — and marks every entry secret', async () => {
        const root = project({
            '.env': '# local settings\nPORT=3000\nexport DATABASE_URL="postgres://app:s3cr3t-pw@db/app"\nnot a pair\n',
            '.env.local': "STRIPE_KEY='sk_live_abc123' # comment\n",
        });
        const files = nodeProjectFiles(root);
        const env = await readDotenv(files, KEY);
        assert.deepEqual(Object.keys(env).sort(), ['DATABASE_URL', 'PORT', 'STRIPE_KEY']);
        assert.deepEqual(env.DATABASE_URL, {
            sha256: hashEnvValue(KEY, 'DATABASE_URL', 'postgres://app:s3cr3t-pw@db/app'),
            secret: true,
            source: { kind: 'dotenv', file: '.env', line: 3 },
        });
        assert.equal(env.STRIPE_KEY?.sha256, hashEnvValue(KEY, 'STRIPE_KEY', 'sk_live_abc123'));
        const serialized = JSON.stringify(env);
        for (const value of ['3000', 's3cr3t-pw', 'sk_live_abc123']) {
            assert.ok(!serialized.includes(value), `${value} leaked`);
        }
        assert.deepEqual(
            files.issues.all.map((issue) => issue.at),
            [{ file: '.env', line: 4 }],
        );
    });
});

describe(".env files with dotenv's own parser", () => {
    it('a quoted multi-line value (a PEM key) is one value; the keys after it keep their lines', async () => {
        const pem =
            '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nq83/x+Zm9vYmFy==\n-----END PRIVATE KEY-----';
        const root = project({
            '.env': `A=1\nPRIVATE_KEY="${pem}"\nB='x # not a comment'\nC=unterminated "quote\nD=2\n`,
        });
        const files = nodeProjectFiles(root);
        const env = await readDotenv(files, KEY);
        assert.deepEqual(
            Object.fromEntries(Object.entries(env).map(([key, fact]) => [key, (fact.source as { line: number }).line])),
            { A: 1, PRIVATE_KEY: 2, B: 6, C: 7, D: 8 },
        );
        assert.equal(env.PRIVATE_KEY?.sha256, hashEnvValue(KEY, 'PRIVATE_KEY', pem));
        assert.equal(env.B?.sha256, hashEnvValue(KEY, 'B', 'x # not a comment'));
        assert.deepEqual(files.issues.all, []);
    });
});

describe('Procfile', () => {
    it('reads processes with their lines; a shell-y command is wrapped in sh -c', async () => {
        const root = project({
            Procfile: '# processes\nweb: node server.js --port $PORT\nworker:  node worker.js\nbroken line\n',
        });
        const files = nodeProjectFiles(root);
        const processes = await readProcfile(files);
        assert.deepEqual(processes, [
            {
                type: 'web',
                command: {
                    value: ['sh', '-c', 'node server.js --port $PORT'],
                    at: { file: 'Procfile', line: 2 },
                    how: 'Procfile web process',
                },
            },
            {
                type: 'worker',
                command: {
                    value: ['node', 'worker.js'],
                    at: { file: 'Procfile', line: 3 },
                    how: 'Procfile worker process',
                },
            },
        ]);
        assert.deepEqual(
            files.issues.all.map((issue) => issue.message),
            ['Procfile:4 is not a "type: command" line.'],
        );
    });

    it('a quoted "$PORT" still needs the shell: exec form would pass the literal text', async () => {
        const processes = await readProcfile(
            nodeProjectFiles(project({ Procfile: 'web: node server.js --port "$PORT"\n' })),
        );
        assert.deepEqual(processes[0]?.command.value, ['sh', '-c', 'node server.js --port "$PORT"']);
    });
});

describe('version-manager files', () => {
    it('reads .tool-versions and mise.toml with lines; broken TOML is an issue with its line', async () => {
        const root = project({
            '.tool-versions': 'nodejs 20.11.1 # team default\npython 3.12.1 3.11.7\n',
            'mise.toml':
                '[env]\nFOO = "bar"\n\n[tools]\nnode = "22"\ngo = ["1.22.3", "1.21"]\nruby = { version = "3.3.0" }\n',
        });
        const pins = await readToolPins(nodeProjectFiles(root));
        assert.deepEqual(
            pins.map((pin) => [pin.tool, pin.version, pin.file, pin.line]),
            [
                ['nodejs', '20.11.1', '.tool-versions', 1],
                ['python', '3.12.1', '.tool-versions', 2],
                ['node', '22', 'mise.toml', 5],
                ['go', '1.22.3', 'mise.toml', 6],
                ['ruby', '3.3.0', 'mise.toml', 7],
            ],
        );
        const broken = project({ 'mise.toml': '[tools]\nnode = "22\n' });
        const files = nodeProjectFiles(broken);
        assert.deepEqual(await readToolPins(files), []);
        assert.equal(files.issues.all[0]?.at?.line, 2);
        assert.match(files.issues.all[0]?.message ?? '', /^mise\.toml is not valid TOML/);
        assert.equal(readFileSync(join(broken, 'mise.toml'), 'utf8'), '[tools]\nnode = "22\n', 'read-only');
    });
});
