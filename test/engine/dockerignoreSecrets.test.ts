// The generated .dockerignore against the real engine: a project full of credential files is packaged, and
// no layer of the image holds any of them — neither the file nor its content.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CREDENTIAL_FILES } from '../support/credentialFiles';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const CANARY = `parity-canary-${randomBytes(8).toString('hex')}`;
const TAG = `parity-test/dockerignore-secrets:${process.pid}`;
const scratch = mkdtempSync(join(tmpdir(), 'parity dockerignore-'));
/** Spaces, a $ and quotes in the project folder: its name is the image's title label. */
const FOLDER_NAME = 'my app $HOME "quoted"';
const APP_NAME = 'the app $HOME "quoted"';

/** Runs a shell pipeline with its arguments as $1, $2 …: nothing is interpolated into the script. */
function sh(script: string, ...args: string[]): string {
    const result = spawnSync('sh', ['-c', script, 'sh', ...args], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DOCKER_HOST: '' },
    });
    assert.equal(result.status, 0, `${script}: ${result.stderr}`);
    return result.stdout;
}

describe('.dockerignore keeps credentials out of the image (parity package, real engine)', () => {
    before(requireEngine);
    after(() => {
        try {
            dockerCli(['rmi', '--force', TAG]);
        } catch {
            // Never built.
        }
        rmSync(scratch, { recursive: true, force: true });
    });

    it('no layer holds a credential file or its content; .env.example is there', () => {
        const folder = join(scratch, FOLDER_NAME);
        cpSync(join(__dirname, '..', '..', 'examples', 'hello-node'), folder, { recursive: true });
        for (const file of CREDENTIAL_FILES) {
            for (const path of [file, `apps/api/${file}`]) {
                mkdirSync(dirname(join(folder, path)), { recursive: true });
                writeFileSync(join(folder, path), `${CANARY}\n`);
            }
        }
        writeFileSync(join(folder, '.env.example'), 'API_TOKEN=\n');
        // The image title comes from the manifest's name: a hostile one must reach the label as written, quoted.
        const manifest = join(folder, 'package.json');
        writeFileSync(
            manifest,
            JSON.stringify({ ...(JSON.parse(readFileSync(manifest, 'utf8')) as object), name: APP_NAME }, null, 2),
        );

        const result = runParity(['package', folder, '--tag', TAG], { env: { DOCKER_HOST: '' } });
        assert.equal(result.code, 0, result.stderr);
        const labels = JSON.parse(
            dockerCli(['image', 'inspect', '--format', '{{json .Config.Labels}}', TAG]),
        ) as Record<string, string>;
        assert.equal(labels['org.opencontainers.image.title'], APP_NAME);

        const saved = join(scratch, 'saved');
        mkdirSync(saved);
        sh('docker save "$1" | tar -x -C "$2"', TAG, saved);
        const layers = readdirSync(saved)
            .map((entry) => join(saved, entry, 'layer.tar'))
            .filter((path) => existsSync(path));
        assert.ok(layers.length > 1, `no layers in ${saved}`);
        const appFiles: string[] = [];
        for (const layer of layers) {
            appFiles.push(
                ...sh('tar -tf "$1"', layer)
                    .split('\n')
                    .filter((name) => name.startsWith('app/'))
                    .map((name) => name.slice('app/'.length).replace(/\/$/, '')),
            );
            assert.equal(
                sh('tar -xOf "$1" | grep -a -c -F "$2" || true', layer, CANARY).trim(),
                '0',
                `the canary is in ${layer}`,
            );
        }
        assert.ok(
            appFiles.includes('.env.example') && appFiles.includes('server.js'),
            `the sources are missing: ${appFiles.join(', ')}`,
        );
        const leaked = CREDENTIAL_FILES.flatMap((file) => [file, `apps/api/${file}`]).filter((path) =>
            appFiles.includes(path),
        );
        assert.deepEqual(leaked, []);
    });
});
