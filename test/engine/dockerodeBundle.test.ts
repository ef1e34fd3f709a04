// The built dist/dockerode.js against the real engine: its tar-fs takes tar-stream from dist/tarStream.js (a
// proxy scripts/build.mjs puts in place of a second copy), so a build from a folder still packs and builds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requireEngine } from './requireEngine';

const DOCKERODE = join(__dirname, '..', '..', 'dist', 'dockerode.js');
const TAG = `parity-e2e-tarfs-${process.pid}:1`;

interface BundledDockerode {
    buildImage(
        context: { context: string; src: string[] },
        options: { t: string; labels: Record<string, string> },
    ): Promise<NodeJS.ReadableStream>;
    modem: {
        followProgress(stream: NodeJS.ReadableStream, done: (error: Error | null, output: unknown[]) => void): void;
    };
}

describe("dist/dockerode.js: tar-fs packs with dist/tarStream.js's tar-stream (the real engine)", () => {
    before(async () => {
        await requireEngine();
        assert.ok(existsSync(DOCKERODE), `${DOCKERODE} is missing — run: node scripts/build.mjs`);
    });
    after(() => {
        execFileSync('docker', ['image', 'rm', '--force', TAG], { stdio: 'ignore' });
    });

    it('builds an image from a folder through dockerode, with no tar-stream of its own inside the bundle', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'parity tarfs '));
        writeFileSync(join(folder, 'Dockerfile'), 'FROM scratch\nCOPY marker.txt /\n');
        writeFileSync(join(folder, 'marker.txt'), 'packed by tar-fs\n');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Docker = require(DOCKERODE) as new () => BundledDockerode;
        const docker = new Docker();
        const stream = await docker.buildImage(
            { context: folder, src: ['Dockerfile', 'marker.txt'] },
            { t: TAG, labels: { 'parity.managed': 'true' } },
        );
        const output = await new Promise<unknown[]>((resolve, reject) =>
            docker.modem.followProgress(stream, (error, result) => (error ? reject(error) : resolve(result))),
        );
        assert.ok(
            output.some((line) => /Successfully tagged/.test(JSON.stringify(line))),
            JSON.stringify(output.slice(-3)),
        );
        const id = execFileSync('docker', ['image', 'inspect', TAG, '--format', '{{.Id}}'], { encoding: 'utf8' });
        assert.match(id.trim(), /^sha256:/);
        // tar-stream's header code (the "ustar" magic) is in dist/tarStream.js only.
        const bundled = readFileSync(DOCKERODE, 'utf8');
        assert.ok(!bundled.includes('ustar') && bundled.includes('./tarStream.js'), 'tar-stream is not bundled twice');
        assert.ok(readFileSync(join(DOCKERODE, '..', 'tarStream.js'), 'utf8').includes('ustar'));
    });
});
