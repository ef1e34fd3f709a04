import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The test bed's registries (scripts/testbed/registry.sh): an open one, and one that asks for a login. */
export const REGISTRY = process.env.PARITY_REGISTRY_ADDR ?? '127.0.0.1:5000';
export const AUTH_REGISTRY = process.env.PARITY_REGISTRY_AUTH_ADDR ?? '127.0.0.1:5001';
const STATE = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
export const AUTH_USER = 'parity';

/** The auth registry's password (made by `registry.sh up`), or a failure that says how to start it. */
export function authRegistryPassword(): string {
    try {
        return readFileSync(join(STATE, 'registry-auth', 'password'), 'utf8').trim();
    } catch {
        throw new Error("The test bed's login registry is not up. Start it with: npm run testbed -- up registry");
    }
}

/** Fails with the command that starts the registries, instead of passing vacuously. */
export async function requireRegistries(): Promise<void> {
    for (const [address, expected] of [
        [REGISTRY, 200],
        [AUTH_REGISTRY, 401],
    ] as const) {
        const status = await fetch(`http://${address}/v2/`).then(
            (response) => response.status,
            () => 0,
        );
        if (status !== expected) {
            throw new Error(
                `The test bed's registry on ${address} does not answer as it should (HTTP ${status}, expected ${expected}). Start it with: npm run testbed -- up registry`,
            );
        }
    }
}

/**
 * An ELF header for another machine: the kernel refuses to exec it ("exec format error") as it refuses any
 * binary built for another architecture, without needing one — the test bed has no arm64 userland.
 */
function foreignElf(): Buffer {
    const header = Buffer.alloc(64);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(header, 0);
    header.writeUInt16LE(2, 16); // ET_EXEC
    header.writeUInt16LE(183, 18); // EM_AARCH64
    header.writeUInt32LE(1, 20);
    header.writeBigUInt64LE(64n, 32); // program headers right after this one (there are none)
    header.writeUInt16LE(64, 52);
    header.writeUInt16LE(56, 54);
    header.writeUInt16LE(64, 58);
    return header;
}

export interface ForeignImage {
    /** `registry/repository:tag`. */
    readonly ref: string;
    /** The manifest's digest. */
    readonly digest: string;
    /** The config's digest: the image's ID once an engine pulled it. */
    readonly id: string;
}

/**
 * Pushes an image through the registry's HTTP API, as `docker push` of an arm64 build would: a layer with
 * an arm64 /bin/sh, os-release and passwd, and a config that says `architecture` (arm64 unless told: a
 * config claiming amd64 over arm64 binaries makes the engine try, and fail with "exec format error").
 */
export async function pushForeignImage(
    repository: string,
    tag: string,
    architecture = 'arm64',
    registry = REGISTRY,
): Promise<ForeignImage> {
    const root = mkdtempSync(join(tmpdir(), 'parity foreign image '));
    let layer: Buffer;
    try {
        const files = join(root, 'rootfs');
        for (const dir of ['bin', 'etc', 'srv']) {
            mkdirSync(join(files, dir), { recursive: true });
        }
        writeFileSync(join(files, 'bin', 'sh'), foreignElf(), { mode: 0o755 });
        writeFileSync(
            join(files, 'etc', 'os-release'),
            'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
        );
        writeFileSync(
            join(files, 'etc', 'passwd'),
            'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/srv:/bin/sh\n',
        );
        writeFileSync(join(files, 'etc', 'group'), 'root:x:0:\napp:x:1000:\n');
        layer = execFileSync('tar', ['-C', files, '--owner=0', '--group=0', '-c', 'bin', 'etc', 'srv'], {
            maxBuffer: 16 * 1024 * 1024,
        });
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
    const blob = gzipSync(layer);
    const config = Buffer.from(
        JSON.stringify({
            architecture,
            os: 'linux',
            config: {
                Env: [
                    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
                    'APP_MODE=cloud',
                    'API_TOKEN=not-a-real-secret',
                ],
                User: 'app',
                WorkingDir: '/srv',
                ExposedPorts: { '8080/tcp': {} },
                Entrypoint: ['/bin/sh', '-c'],
                Cmd: ['exec serve'],
            },
            rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
            history: [{ created_by: 'parity test: an image built for another machine' }],
        }),
    );
    await putBlob(registry, repository, blob);
    await putBlob(registry, repository, config);
    const manifest = Buffer.from(
        JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            config: {
                mediaType: 'application/vnd.docker.container.image.v1+json',
                size: config.length,
                digest: sha256(config),
            },
            layers: [
                {
                    mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
                    size: blob.length,
                    digest: sha256(blob),
                },
            ],
        }),
    );
    const put = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' },
        body: manifest,
    });
    if (put.status !== 201) {
        throw new Error(
            `pushing the manifest of ${repository}:${tag} to ${registry}: HTTP ${put.status} ${await put.text()}`,
        );
    }
    return { ref: `${registry}/${repository}:${tag}`, digest: sha256(manifest), id: sha256(config) };
}

/** Removes a tag's manifest from the registry (the test bed's registry allows deletes). */
export async function deleteFromRegistry(image: ForeignImage, registry = REGISTRY): Promise<void> {
    const repository = image.ref.slice(registry.length + 1, image.ref.lastIndexOf(':'));
    await fetch(`http://${registry}/v2/${repository}/manifests/${image.digest}`, { method: 'DELETE' });
}

/**
 * The probe containers an engine still has from an image (Parity creates them from the image's ID): none may
 * outlive a capture. Counting only these keeps the check true while other tests use the same engine.
 */
export function probeContainersFrom(cli: (args: readonly string[]) => string, imageId: string): number {
    return cli(['ps', '-a', '--filter', 'label=parity.purpose=probe', '--format', '{{.Image}}'])
        .split('\n')
        .filter((image) => image === imageId).length;
}

async function putBlob(registry: string, repository: string, content: Buffer): Promise<void> {
    const start = await fetch(`http://${registry}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) {
        throw new Error(`starting a blob upload to ${registry}/${repository}: HTTP ${start.status}`);
    }
    const url = new URL(location, `http://${registry}`);
    url.searchParams.set('digest', sha256(content));
    const put = await fetch(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: content,
    });
    if (put.status !== 201) {
        throw new Error(`uploading a blob to ${registry}/${repository}: HTTP ${put.status} ${await put.text()}`);
    }
}

function sha256(content: Buffer): string {
    return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}
