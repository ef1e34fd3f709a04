// Attach Shell, Push, Prune and the copied `docker run` against the test bed's real engine and registries.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'shell-quote';
import { EngineError } from '../../src/engine/EngineError';
import { execShell } from '../../src/engine/execShell';
import { pushImage } from '../../src/engine/images/pushImage';
import { findParityLeftovers, removeParityLeftovers } from '../../src/engine/pruneParityLeftovers';
import { readRegistryAuth } from '../../src/engine/readRegistryAuth';
import { sandboxDockerRun } from '../../src/engine/sandbox/sandboxDockerRun';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { AUTH_REGISTRY, AUTH_USER, authRegistryPassword, REGISTRY, requireRegistries } from './registryTestImages';
import { requireEngine } from './requireEngine';
import { BUSYBOX, client, httpd, policyFor, start } from './sandboxTestKit';

const RUN = `${process.pid}`;
/** On everything this suite creates: its clean-up and its scoped prune find only its own. */
const TEST_LABEL = `parity.test=actions-${RUN}`;

function ownContainers(): string[] {
    return dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}`])
        .split('\n')
        .filter(Boolean);
}

/** A busybox container of this suite that runs until removed. */
function runBusybox(name: string): string {
    return dockerCli([
        'run',
        '-d',
        '--name',
        name,
        '--label',
        TEST_LABEL,
        '--label',
        'parity.managed=true',
        BUSYBOX,
        'sleep',
        '600',
    ]);
}

async function readUntil(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    let text = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(
            () => reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms; got ${JSON.stringify(text)}`)),
            timeoutMs,
        );
        const onData = (chunk: Buffer): void => {
            text += chunk.toString('utf8');
            if (pattern.test(text)) {
                clearTimeout(timer);
                stream.removeListener('data', onData);
                resolve(text);
            }
        };
        stream.on('data', onData);
    });
}

describe('Docker actions on the real engine', () => {
    before(async () => {
        await requireEngine();
    });
    after(() => {
        for (const id of ownContainers()) {
            dockerCli(['rm', '-f', id]);
        }
    });

    it('Attach Shell: a TTY shell through the Engine API echoes a command, resizes, and reports its exit', async () => {
        const id = runBusybox(`parity-actions-shell-${RUN}`);
        const shell = await execShell(client, id, { columns: 80, rows: 24 });
        shell.stream.write('echo parity-$((6*7))\n');
        await readUntil(shell.stream, /parity-42/);
        await shell.resize(132, 40);
        shell.stream.write('stty size\n');
        await readUntil(shell.stream, /40 132/);
        shell.stream.write('exit 3\n');
        assert.equal(await shell.exited, 3);
    });

    it("Copy docker run: the copied command, run by the docker CLI, gives a container with the sandbox's hardening", async () => {
        const policy = await policyFor(
            BUSYBOX,
            httpd(),
            {
                env: { GREETING: 'hello' },
                writablePaths: ['/var/cache'],
                memoryBytes: 96 * 1024 * 1024,
                cpus: 0.5,
                pids: 40,
            },
            { port: 8080 },
        );
        const followed = await start(policy);
        const copiedName = `parity-actions-copied-${RUN}`;
        try {
            const command = await sandboxDockerRun(client, followed.sandbox.name);
            assert.ok(!command.text.includes('hello'), 'no env value in the command');
            const words = parse(
                command.text
                    .split('\n')
                    .filter((line) => !line.startsWith('#'))
                    .join('\n')
                    .replace(/\\\n/g, ' '),
            ) as string[];
            assert.equal(words[0], 'docker');
            assert.equal(words[1], 'run');
            // Detached and named, with this suite's label, so it can be checked and removed; otherwise as copied.
            execFileSync('docker', ['run', '-d', '--name', copiedName, '--label', TEST_LABEL, ...words.slice(2)], {
                env: { ...process.env, DOCKER_HOST: '', GREETING: 'hello' },
                stdio: 'pipe',
            });
            const inspect = (
                name: string,
            ): { Config: { User: string; Env: string[] }; HostConfig: Record<string, unknown> } =>
                (
                    JSON.parse(dockerCli(['inspect', name])) as {
                        Config: { User: string; Env: string[] };
                        HostConfig: Record<string, unknown>;
                    }[]
                )[0] as never;
            const theirs = inspect(followed.sandbox.name);
            const ours = inspect(copiedName);
            for (const key of [
                'ReadonlyRootfs',
                'CapDrop',
                'CapAdd',
                'SecurityOpt',
                'Memory',
                'MemorySwap',
                'NanoCpus',
                'PidsLimit',
                'Tmpfs',
                'Ulimits',
                'IpcMode',
                'CgroupnsMode',
                'NetworkMode',
                'Privileged',
            ]) {
                // The API says null for a list the CLI left empty, [] where Parity sent one: both mean none.
                const value = (config: Record<string, unknown>): unknown =>
                    config[key] ?? (key === 'CapAdd' ? [] : null);
                assert.deepEqual(value(ours.HostConfig), value(theirs.HostConfig), `HostConfig.${key}`);
            }
            assert.equal(ours.Config.User, theirs.Config.User);
            assert.ok(
                ours.Config.Env.includes('GREETING=hello'),
                'the variable named in the command came from the shell',
            );
            const bindings = (config: Record<string, unknown>): unknown =>
                Object.values(config.PortBindings as Record<string, { HostIp: string }[]>)
                    .flat()
                    .map((binding) => binding.HostIp);
            assert.deepEqual(bindings(ours.HostConfig), ['127.0.0.1'], 'published on loopback only, as the sandbox is');
        } finally {
            await followed.sandbox.stop();
        }
    });

    it("Prune: lists only Parity's stopped sandboxes and untagged builds, with a total, and removes exactly those", async () => {
        const folder = mkdtempSync(join(tmpdir(), 'parity prune '));
        const tag = `parity-actions-prune-${RUN}:parity`;
        try {
            writeFileSync(join(folder, 'Dockerfile'), `FROM ${BUSYBOX}\nCMD ["true"]\n`);
            const build = (generation: string): string => {
                execFileSync(
                    'docker',
                    [
                        'build',
                        '-q',
                        '-t',
                        tag,
                        '--label',
                        'parity.managed=true',
                        '--label',
                        TEST_LABEL,
                        '--label',
                        `generation=${generation}`,
                        folder,
                    ],
                    { env: { ...process.env, DOCKER_HOST: '', DOCKER_BUILDKIT: '0' }, stdio: 'pipe' },
                );
                return dockerCli(['image', 'inspect', '-f', '{{.Id}}', tag]);
            };
            const old = build('1');
            const current = build('2');
            assert.notEqual(old, current, 'the second build moved the tag: the first is untagged');
            const sandboxName = `parity-actions-stopped-${RUN}`;
            dockerCli([
                'create',
                '--name',
                sandboxName,
                '--label',
                TEST_LABEL,
                '--label',
                `parity.container=${sandboxName}`,
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=sandbox',
                BUSYBOX,
                'true',
            ]);
            // Not Parity's: no parity.container label, whatever else it claims.
            const theirs = dockerCli([
                'create',
                '--label',
                TEST_LABEL,
                '--label',
                'parity.purpose=sandbox',
                BUSYBOX,
                'true',
            ]);

            // The CLI lists (without --yes it removes nothing, so it is safe on an engine others use too).
            const listed = runParity(['prune'], { env: { DOCKER_HOST: '' } });
            assert.equal(listed.code, 0, listed.stderr);
            assert.ok(listed.stdout.includes(`sandbox ${sandboxName} (created)`), listed.stdout);
            assert.ok(listed.stdout.includes(`image ${old.slice(0, 19)}`), listed.stdout);
            assert.match(listed.stderr, /Run parity prune --yes to remove them/);
            assert.ok(!listed.stdout.includes(theirs.slice(0, 12)), "the container that is not Parity's is not listed");

            const leftovers = await findParityLeftovers(client, { label: TEST_LABEL });
            assert.deepEqual(
                leftovers.sandboxes.map((sandbox) => sandbox.name),
                [sandboxName],
            );
            assert.deepEqual(
                leftovers.images.map((image) => image.id),
                [old],
            );
            assert.equal(leftovers.count, 2);
            assert.ok(leftovers.bytes > 0, 'a total in bytes');

            const result = await removeParityLeftovers(client, leftovers);
            assert.deepEqual(result.failed, []);
            assert.equal(result.removed, 2);
            assert.equal(
                dockerCli(['ps', '-aq', '--filter', `name=^${sandboxName}$`]),
                '',
                'the stopped sandbox is gone',
            );
            assert.equal(
                dockerCli(['images', '-q', '--no-trunc', '--filter', `label=${TEST_LABEL}`])
                    .split('\n')
                    .filter(Boolean)
                    .join(','),
                current,
                'the untagged build is gone; the tagged one stays',
            );
            assert.ok(
                ownContainers().some((id) => theirs.startsWith(id)),
                "a container that is not Parity's stays",
            );
            assert.equal((await findParityLeftovers(client, { label: TEST_LABEL })).count, 0);
        } finally {
            dockerCli(['rmi', '-f', tag]);
            rmSync(folder, { recursive: true, force: true });
        }
    });

    describe('Push', () => {
        const source = `parity-actions-push-${RUN}:1`;
        /** What this suite pushed, removed from the registries again afterwards: `registry/repository@digest`. */
        const pushed: { registry: string; repository: string; digest: string }[] = [];
        const remember = (registry: string, repository: string, digest: string | undefined): void => {
            if (digest) {
                pushed.push({ registry, repository, digest });
            }
        };
        before(async () => {
            await requireRegistries();
            dockerCli(['tag', BUSYBOX, source]);
        });
        after(async () => {
            for (const ref of [
                source,
                `${REGISTRY}/parity-test/push-${RUN}:1`,
                `${AUTH_REGISTRY}/parity-test/push-${RUN}:1`,
            ]) {
                dockerCli(['rmi', ref]);
            }
            const login = `Basic ${Buffer.from(`${AUTH_USER}:${authRegistryPassword()}`).toString('base64')}`;
            for (const { registry, repository, digest } of pushed) {
                await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, {
                    method: 'DELETE',
                    headers: { Authorization: login },
                });
            }
        });

        it('tags and pushes to the open loopback registry, with progress, and the registry has the manifest', async () => {
            const target = `${REGISTRY}/parity-test/push-${RUN}:1`;
            const statuses: string[] = [];
            const result = await pushImage(client, source, target, {
                onProgress: (line) => line.status && statuses.push(line.status),
            });
            assert.equal(result.ref, target);
            assert.match(result.digest ?? '', /^sha256:[0-9a-f]{64}$/);
            assert.ok(statuses.length > 0, 'progress arrived');
            const manifest = await fetch(`http://${REGISTRY}/v2/parity-test/push-${RUN}/manifests/1`, {
                headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
            });
            assert.equal(manifest.status, 200);
            assert.equal(manifest.headers.get('docker-content-digest'), result.digest);
            remember(REGISTRY, `parity-test/push-${RUN}`, result.digest);
        });

        it("to the login registry: refused without credentials (saying to log in), pushed with the Docker config's", async () => {
            const target = `${AUTH_REGISTRY}/parity-test/push-${RUN}:1`;
            await assert.rejects(
                pushImage(client, source, target),
                (error: unknown) =>
                    error instanceof EngineError && /wants a login: run docker login/.test(error.message),
            );
            const config = mkdtempSync(join(tmpdir(), 'parity docker config '));
            try {
                const auth = Buffer.from(`${AUTH_USER}:${authRegistryPassword()}`).toString('base64');
                writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [AUTH_REGISTRY]: { auth } } }), {
                    mode: 0o600,
                });
                const credentials = await readRegistryAuth(AUTH_REGISTRY, { DOCKER_CONFIG: config });
                assert.ok(credentials, 'the config has credentials for the registry');
                const result = await pushImage(client, source, target, { auth: credentials });
                assert.match(result.digest ?? '', /^sha256:/);
                remember(AUTH_REGISTRY, `parity-test/push-${RUN}`, result.digest);
            } finally {
                rmSync(config, { recursive: true, force: true });
            }
        });

        it('parity push IMAGE TARGET prints the pushed reference and digest', () => {
            const target = `${REGISTRY}/parity-test/push-${RUN}:cli`;
            const result = runParity(['push', source, target], { env: { DOCKER_HOST: '' } });
            assert.equal(result.code, 0, result.stderr);
            assert.match(result.stdout.trim(), new RegExp(`^${target.replace(/[.]/g, '\\.')}@sha256:[0-9a-f]{64}$`));
            remember(REGISTRY, `parity-test/push-${RUN}`, result.stdout.trim().split('@')[1]);
            dockerCli(['rmi', target]);
        });

        it('is cancellable: an aborted push rejects as cancelled', async () => {
            const controller = new AbortController();
            controller.abort();
            await assert.rejects(
                pushImage(client, source, `${REGISTRY}/parity-test/push-${RUN}:2`, { signal: controller.signal }),
                (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
            );
        });
    });
});
