// A canary secret planted where secrets really live — .env, the process environment, key files — must
// reach no artifact of any command: snapshot, plan, recipe, Dockerfile, every image layer and its config,
// the CLI's output and logs (verbose), the sandbox's output. Nor does the key that env value hashes are made with.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { pruneParityImages } from '../support/pruneParityImages';
import { type ParityRun, runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const root = join(__dirname, '..', '..');
const canaries = {
    dotenv: `dotenv-canary-${randomBytes(12).toString('hex')}`,
    multiline: `pem-canary-${randomBytes(12).toString('hex')}`,
    env: `env-canary-${randomBytes(12).toString('hex')}`,
    key: `key-canary-${randomBytes(12).toString('hex')}`,
};
const tag = `parity-test/canary:${process.pid}`;
/** The per-user key env value hashes are made with, read once the commands made it. */
let envHashKey = '';

/** Every file under a folder, as [relative path, bytes]. */
function filesUnder(dir: string, prefix = ''): [string, Buffer][] {
    return readdirSync(dir).flatMap((name): [string, Buffer][] => {
        const path = join(dir, name);
        const relative = prefix ? `${prefix}/${name}` : name;
        return statSync(path).isDirectory() ? filesUnder(path, relative) : [[relative, readFileSync(path)]];
    });
}

function assertNoCanary(what: string, bytes: Buffer | string): void {
    const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
    for (const [where, value] of Object.entries({ ...canaries, envHashKey })) {
        assert.ok(!text.includes(value), `the ${where} canary leaked into ${what}`);
    }
}

describe('a canary secret reaches no artifact (the built CLI, real engine)', () => {
    let folder = '';
    const runs: [string, ParityRun][] = [];
    // The per-user key that makes env hashes unguessable lives here; it must reach no artifact either.
    const config = mkdtempSync(join(tmpdir(), 'parity canary config '));
    const env = {
        DOCKER_HOST: '',
        PARITY_CANARY_SECRET: canaries.env,
        DEPLOY_TOKEN: canaries.env,
        XDG_CONFIG_HOME: config,
    };

    before(async () => {
        await requireEngine();
        folder = join(mkdtempSync(join(tmpdir(), 'parity canary ')), 'hello-node');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        writeFileSync(
            join(folder, '.env'),
            [
                `API_TOKEN=${canaries.dotenv}`,
                `DATABASE_URL=postgres://app:${canaries.dotenv}@db/app`,
                `SIGNING_KEY="-----BEGIN PRIVATE KEY-----\n${canaries.multiline}\n-----END PRIVATE KEY-----"`,
                '',
            ].join('\n'),
        );
        writeFileSync(join(folder, '.env.production'), `API_TOKEN=${canaries.dotenv}\n`);
        writeFileSync(
            join(folder, 'id_ed25519'),
            `-----BEGIN OPENSSH PRIVATE KEY-----\n${canaries.key}\n-----END OPENSSH PRIVATE KEY-----\n`,
        );
        mkdirSync(join(folder, '.ssh'));
        writeFileSync(
            join(folder, '.ssh', 'id_rsa'),
            `-----BEGIN RSA PRIVATE KEY-----\n${canaries.key}\n-----END RSA PRIVATE KEY-----\n`,
        );
        writeFileSync(join(folder, 'service-account.json'), JSON.stringify({ private_key: canaries.key }));
        writeFileSync(join(folder, 'deploy.key'), `${canaries.key}\n`);

        const commands: [string, string[]][] = [
            ['snapshot (json)', ['snapshot', folder, '-v']],
            ['snapshot (text)', ['snapshot', folder, '--format', 'text', '-v']],
            ['snapshot --out', ['snapshot', folder, '--out', join(folder, '.parity', 'saved.snapshot.json'), '-v']],
            ['plan --json', ['plan', folder, '--json', '-v']],
            ['recipe', ['recipe', folder, '-v']],
            ['package', ['package', folder, '--tag', tag, '-v']],
            ['run --smoke', ['run', `image:${tag}`, '--smoke', '/', '-v']],
        ];
        for (const [name, args] of commands) {
            const result = runParity(args, { env });
            assert.equal(result.code, 0, `${name} failed: ${result.stderr}`);
            runs.push([name, result]);
        }
        envHashKey = readFileSync(join(config, 'parity', 'env-hash.key'), 'utf8').trim();
        assert.match(envHashKey, /^[0-9a-f]{64}$/, 'the snapshot made its per-user key');
    });
    after(() => {
        try {
            dockerCli(['rmi', '--force', tag]);
        } catch {
            // Never built.
        }
        pruneParityImages();
        rmSync(folder, { recursive: true, force: true });
        rmSync(config, { recursive: true, force: true });
    });

    it('the planted secrets are really there to be found (the test can fail)', () => {
        assert.ok(readFileSync(join(folder, '.env'), 'utf8').includes(canaries.multiline));
        const snapshot = JSON.parse(runs[0]?.[1].stdout ?? '{}') as { env?: Record<string, unknown> };
        assert.ok(snapshot.env?.API_TOKEN, 'the snapshot records the .env key (hashed)');
        assert.ok(snapshot.env?.PARITY_CANARY_SECRET, 'the snapshot records the env var (hashed)');
    });

    it('no command prints one, on stdout or in its verbose log', () => {
        for (const [name, result] of runs) {
            assertNoCanary(`${name} stdout`, result.stdout);
            assertNoCanary(`${name} stderr`, result.stderr);
        }
    });

    it('no file Parity wrote holds one: .parity/, Dockerfile, .dockerignore', () => {
        const written = [
            ...filesUnder(join(folder, '.parity')).map(([path, bytes]): [string, Buffer] => [`.parity/${path}`, bytes]),
            ['Dockerfile', readFileSync(join(folder, 'Dockerfile'))] as [string, Buffer],
            ['.dockerignore', readFileSync(join(folder, '.dockerignore'))] as [string, Buffer],
        ];
        assert.ok(
            written.some(([path]) => path === '.parity/plan.json'),
            'plan.json was written',
        );
        for (const [path, bytes] of written) {
            assertNoCanary(path, bytes);
        }
    });

    it('no layer of the image, and not its config or history, holds one or a key file', () => {
        // `docker save` writes every layer uncompressed, so a byte search covers every file in every layer.
        const archive = execFileSync('docker', ['save', tag], {
            maxBuffer: 1024 * 1024 * 1024,
            env: { ...process.env, DOCKER_HOST: '' },
        });
        assert.ok(archive.length > 1024 * 1024, 'docker save gave the image');
        assertNoCanary('the saved image', archive);
        assertNoCanary('docker image inspect', dockerCli(['image', 'inspect', tag]));
        assertNoCanary('docker history', dockerCli(['history', '--no-trunc', tag]));
        const listing = execFileSync(
            'docker',
            [
                'run',
                '--rm',
                '--network',
                'none',
                '--entrypoint',
                'sh',
                tag,
                '-c',
                'cd /app && find . -name ".env*" -o -name "id_*" -o -name "*.key" -o -name ".ssh" -o -name "service-account*"',
            ],
            { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: '' } },
        );
        assert.equal(listing.trim(), '', `secret files reached /app: ${listing}`);
    });
});
