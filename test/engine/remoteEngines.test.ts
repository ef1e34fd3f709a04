import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { engineOverrideOf, parseTargetAddress } from '../../src/core/targetAddress';
import { EngineClient } from '../../src/engine/EngineClient';
import { isEngineError } from '../../src/engine/EngineError';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { probeContainer } from '../../src/targets/container/probeContainer';
import { closedPort, silentServer } from '../support/ports';
import { PARITY_CLI, runParity, type ParityRun } from '../support/runParity';
import { silentLogger } from '../../src/core/Logger';
import {
    assertOneClearLine,
    CERTS,
    CLOUD_TLS,
    cloudCli,
    PODMAN_SOCKET,
    podmanCli,
    requireRemoteTestbed,
    SSH_CLOUD,
    SSH_DIR,
    SSH_MAIN,
    sshEnv,
    SWARM_SERVICE,
    tlsEnv,
} from './remoteTestbed';

const CONTAINER = `parity-test-remote-${process.pid}`;
const ENV_KEY = EnvHashKey.generate();
const LABELS = ['--label', 'parity.managed=true', '--label', 'parity.purpose=test'];
const RUN = ['run', '-d', '--name', CONTAINER, ...LABELS, 'node:20.20.2-bookworm-slim', 'sleep', '600'];

function runParityAsync(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ParityRun> {
    return new Promise((resolve) => {
        const child = execFile(
            process.execPath,
            [PARITY_CLI, ...args],
            { env: { ...process.env, ...env }, timeout: timeoutMs },
            (_error, stdout, stderr) => {
                resolve({ code: child.exitCode, stdout, stderr });
            },
        );
    });
}

function snapshotOf(result: ParityRun): Snapshot {
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Snapshot;
}

function assertNodeContainer(snapshot: Snapshot): void {
    assert.equal(snapshot.meta.source.kind, 'container');
    assert.equal(snapshot.runtimes.node?.installed?.version, '20.20.2');
}

/** The parity-labelled containers on the cloud engine: what a failed run must not add to. */
function cloudContainers(): string {
    return cloudCli(['ps', '-aq', '--no-trunc', '--filter', 'label=parity.managed=true']).split('\n').sort().join(' ');
}

describe("remote engines (the built CLI against the test bed's cloud engine, sshd and podman)", () => {
    before(() => {
        requireRemoteTestbed();
        for (const cli of [cloudCli, podmanCli]) {
            try {
                cli(['rm', '--force', CONTAINER]);
            } catch {
                // not there: nothing to clear
            }
            cli(RUN);
        }
    });
    after(() => {
        cloudCli(['rm', '--force', CONTAINER]);
        podmanCli(['rm', '--force', CONTAINER]);
    });

    describe('each engine kind answers doctor and a container probe', () => {
        it('tcp:// with mutual TLS (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)', () => {
            const doctor = runParity(['doctor', '-H', CLOUD_TLS], { env: tlsEnv() });
            assert.equal(doctor.code, 0, doctor.stderr);
            assert.match(doctor.stdout, /^Address: +tcp:\/\/127\.0\.0\.1:\d+ \(from --host\)$/m);
            assert.match(doctor.stdout, /^Swarm: +active$/m);
            assertNodeContainer(
                snapshotOf(
                    runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', CLOUD_TLS], { env: tlsEnv() }),
                ),
            );
        });

        it('ssh:// with a key file and known_hosts, no agent — to the cloud engine and to the main one', () => {
            const doctor = runParity(['doctor', '-H', SSH_CLOUD], { env: sshEnv() });
            assert.equal(doctor.code, 0, doctor.stderr);
            assert.match(doctor.stdout, /^Address: +ssh:\/\/parity-deploy@127\.0\.0\.1:\d+ \(from --host\)$/m);
            assert.match(doctor.stdout, /^Swarm: +active$/m, 'port 2222 reaches the cloud engine (the swarm manager)');
            assert.equal(doctor.stderr, '', 'nothing on stderr (no warnings from the ssh transport)');
            assertNodeContainer(
                snapshotOf(
                    runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', SSH_CLOUD], { env: sshEnv() }),
                ),
            );
            const main = runParity(['doctor', '-H', SSH_MAIN], { env: sshEnv() });
            assert.equal(main.code, 0, main.stderr);
            assert.doesNotMatch(
                main.stdout,
                /^Swarm: +active$/m,
                'port 2223 reaches the main engine, which is no swarm manager',
            );
        });

        it("Podman's Docker-compatible API on its socket", () => {
            const doctor = runParity(['doctor', '-H', PODMAN_SOCKET], { env: { DOCKER_HOST: '' } });
            assert.equal(doctor.code, 0, doctor.stderr);
            assert.match(doctor.stdout, /^Engine: +4\.\d+\.\d+/m, 'Podman reports its own version');
            assertNodeContainer(
                snapshotOf(
                    runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', PODMAN_SOCKET], {
                        env: { DOCKER_HOST: '' },
                    }),
                ),
            );
        });

        it('a Docker context made by the docker CLI, selected by name', () => {
            const config = mkdtempSync(join(tmpdir(), 'parity context '));
            try {
                const client = join(CERTS, 'client');
                execFileSync(
                    'docker',
                    [
                        'context',
                        'create',
                        'parity-cloud',
                        '--docker',
                        `host=${CLOUD_TLS},ca=${client}/ca.pem,cert=${client}/cert.pem,key=${client}/key.pem`,
                    ],
                    { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '' }, stdio: 'ignore' },
                );
                const doctor = runParity(['doctor', '-H', 'parity-cloud'], {
                    env: { DOCKER_CONFIG: config, DOCKER_HOST: '' },
                });
                assert.equal(doctor.code, 0, doctor.stderr);
                assert.match(
                    doctor.stdout,
                    /^Address: +tcp:\/\/127\.0\.0\.1:\d+ \(from Docker context "parity-cloud"\)$/m,
                );
                const unknown = runParity(['doctor', '-H', 'parity-clod'], {
                    env: { DOCKER_CONFIG: config, DOCKER_HOST: '' },
                });
                assertOneClearLine(
                    unknown,
                    /"parity-clod" \(from --host\) is neither an engine address .* nor a Docker context\. Known contexts: parity-cloud\.$/,
                );
            } finally {
                rmSync(config, { recursive: true, force: true });
            }
        });

        it('a target address with @ENGINE resolves through the same path, with explicit TLS files or an ssh context', async () => {
            const viaSsh = parseTargetAddress(`container:${CONTAINER}@${SSH_CLOUD}`);
            const sshClient = new EngineClient(await resolveEngine(engineOverrideOf(viaSsh), sshEnv()), {
                log: silentLogger,
                env: sshEnv(),
            });
            assertNodeContainer(
                await probeContainer(sshClient, viaSsh.value, {
                    log: silentLogger,
                    toolVersion: '0.0.0-test',
                    envKey: ENV_KEY,
                }),
            );

            const client = join(CERTS, 'client');
            const explicit = {
                value: CLOUD_TLS,
                source: 'a target',
                tls: {
                    caFile: join(client, 'ca.pem'),
                    certFile: join(client, 'cert.pem'),
                    keyFile: join(client, 'key.pem'),
                },
            };
            const tlsClient = new EngineClient(await resolveEngine(explicit, { DOCKER_HOST: '' }), {
                log: silentLogger,
                env: {},
            });
            assert.equal((await tlsClient.status()).swarm, 'active');

            const config = mkdtempSync(join(tmpdir(), 'parity context '));
            try {
                execFileSync('docker', ['context', 'create', 'parity-ssh', '--docker', `host=${SSH_CLOUD}`], {
                    env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '' },
                    stdio: 'ignore',
                });
                const env = sshEnv({ DOCKER_CONFIG: config });
                const target = parseTargetAddress(`container:${CONTAINER}@parity-ssh`);
                const selection = await resolveEngine(engineOverrideOf(target), env);
                assert.equal(selection.source, 'Docker context "parity-ssh"');
                assert.equal(
                    (await new EngineClient(selection, { log: silentLogger, env }).inspectContainer(target.value)).Name,
                    `/${CONTAINER}`,
                );
            } finally {
                rmSync(config, { recursive: true, force: true });
            }
        });

        it("a Swarm service runs 2+ replicas on the cloud engine, and each task's container can be probed over TLS", () => {
            const tasks = cloudCli([
                'ps',
                '--filter',
                `label=com.docker.swarm.service.name=${SWARM_SERVICE}`,
                '--format',
                '{{.ID}}',
            ])
                .split('\n')
                .filter(Boolean);
            assert.ok(tasks.length >= 2, `running tasks of ${SWARM_SERVICE}: ${tasks.length}`);
            const snapshot = snapshotOf(
                runParity(['snapshot', '--target', `container:${tasks[0] ?? ''}`, '-H', CLOUD_TLS], { env: tlsEnv() }),
            );
            assert.equal(snapshot.runtimes.node?.installed?.version, '20.20.2');
        });
    });

    describe('bad input: one clear message naming the engine, nothing left behind', () => {
        let existing: string;
        before(() => {
            existing = cloudContainers();
        });
        after(() => {
            assert.equal(cloudContainers(), existing, 'no container left on the cloud engine');
        });

        it('an unreachable engine', async () => {
            const port = await closedPort();
            assertOneClearLine(
                runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', `tcp://127.0.0.1:${port}`], {
                    env: tlsEnv(),
                }),
                new RegExp(
                    `^parity: Docker is not reachable at tcp://127\\.0\\.0\\.1:${port} \\(from --host\\) — is it running\\?`,
                ),
            );
        });

        it("an ssh server that accepts the connection and never speaks: the deadline's message, and the process ends", async () => {
            const silent = await silentServer();
            try {
                // Killed (code null) if an ssh handshake outlived the 2 s deadline by ssh2's own 20 s.
                const result = await runParityAsync(
                    ['doctor', '--timeout', '2', '-H', `ssh://parity-deploy@127.0.0.1:${silent.port}`],
                    sshEnv(),
                    15_000,
                );
                assertOneClearLine(
                    result,
                    new RegExp(
                        `^parity: Docker at ssh://parity-deploy@127\\.0\\.0\\.1:${silent.port} \\(from --host\\) did not answer the ping within 2 s\\.`,
                    ),
                );
            } finally {
                await silent.close();
            }
        });

        it("a CA that did not sign the engine's certificate", () => {
            assertOneClearLine(
                runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', CLOUD_TLS], {
                    env: tlsEnv('wrong-ca'),
                }),
                /^parity: The certificate of the Docker engine at tcp:\/\/127\.0\.0\.1:\d+ \(from --host\) is not signed by the CA Parity trusts \(CA: .*wrong-ca\/ca\.pem\)/,
            );
        });

        it('an expired client certificate', () => {
            assertOneClearLine(
                runParity(['doctor', '-H', CLOUD_TLS], { env: tlsEnv('expired-client') }),
                /^parity: The Docker engine at tcp:\/\/127\.0\.0\.1:\d+ \(from --host\) refused the client certificate .*expired-client\/cert\.pem: it expired on 2020-02-01\./,
            );
        });

        it('an engine whose own certificate has expired', async () => {
            const folder = join(CERTS, 'expired-server');
            const server = createServer(
                {
                    cert: readFileSync(join(folder, 'server-cert.pem')),
                    key: readFileSync(join(folder, 'server-key.pem')),
                },
                (socket) => socket.end(),
            );
            await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
            const port = (server.address() as { port: number }).port;
            try {
                // In its own process but awaited: a synchronous run would stop this process's TLS server answering.
                const result = await runParityAsync(
                    ['doctor', '-H', `tcp://127.0.0.1:${port}`],
                    tlsEnv('expired-server'),
                );
                assertOneClearLine(
                    result,
                    new RegExp(
                        `^parity: The certificate of the Docker engine at tcp://127\\.0\\.0\\.1:${port} \\(from --host\\) has expired\\.`,
                    ),
                );
            } finally {
                await new Promise<void>((resolve) => server.close(() => resolve()));
            }
        });

        it('TLS to a plain port, and plain HTTP to the TLS port', () => {
            assertOneClearLine(
                runParity(['doctor', '-H', 'tcp://127.0.0.1:5000'], { env: tlsEnv() }),
                /^parity: Nothing at tcp:\/\/127\.0\.0\.1:5000 \(from --host\) speaks TLS \(is it a plain, unencrypted port\?\)/,
            );
            assertOneClearLine(
                runParity(['doctor', '-H', CLOUD_TLS], {
                    env: { DOCKER_HOST: '', DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' },
                }),
                /^parity: The Docker engine at tcp:\/\/127\.0\.0\.1:\d+ \(from --host\) only speaks TLS\. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH/,
            );
        });

        it('an ssh key the server does not accept', () => {
            assertOneClearLine(
                runParity(['snapshot', '--target', `container:${CONTAINER}`, '-H', SSH_CLOUD], {
                    env: sshEnv({ PARITY_SSH_IDENTITY_FILE: join(SSH_DIR, 'wrong_id_ed25519') }),
                }),
                /^parity: SSH login failed for Docker at ssh:\/\/parity-deploy@127\.0\.0\.1:\d+ \(from --host\): the server accepted neither the key .*wrong_id_ed25519 nor a key from ssh-agent\./,
            );
        });

        it('an unknown host key is an error unless told, and known_hosts is left as it was', () => {
            const dir = mkdtempSync(join(tmpdir(), 'parity known hosts '));
            const knownHosts = join(dir, 'known_hosts');
            writeFileSync(knownHosts, '');
            try {
                const fingerprint =
                    execFileSync('ssh-keygen', ['-lf', join(SSH_DIR, 'ssh_host_ed25519_key.pub')], {
                        encoding: 'utf8',
                    }).split(' ')[1] ?? '';
                const refused = runParity(['doctor', '-H', SSH_CLOUD], {
                    env: sshEnv({ PARITY_SSH_KNOWN_HOSTS: knownHosts }),
                });
                assertOneClearLine(
                    refused,
                    /^parity: The ssh host key of Docker at ssh:\/\/parity-deploy@127\.0\.0\.1:\d+ \(from --host\) is not known \(ssh-ed25519 key SHA256:/,
                );
                assert.ok(refused.stderr.includes(fingerprint), `the message shows the fingerprint ${fingerprint}`);
                const accepted = runParity(['doctor', '-H', SSH_CLOUD], {
                    env: sshEnv({ PARITY_SSH_KNOWN_HOSTS: knownHosts, PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY: '1' }),
                });
                assert.equal(accepted.code, 0, accepted.stderr);
                assert.equal(readFileSync(knownHosts, 'utf8'), '', 'known_hosts is not written');
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });

        it('a changed host key is refused even when unknown keys are accepted', () => {
            const dir = mkdtempSync(join(tmpdir(), 'parity known hosts '));
            const knownHosts = join(dir, 'known_hosts');
            const other = readFileSync(join(SSH_DIR, 'wrong_id_ed25519.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
            const port = new URL(SSH_CLOUD).port;
            writeFileSync(knownHosts, `[127.0.0.1]:${port} ${other}\n`);
            try {
                assertOneClearLine(
                    runParity(['doctor', '-H', SSH_CLOUD], {
                        env: sshEnv({ PARITY_SSH_KNOWN_HOSTS: knownHosts, PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY: '1' }),
                    }),
                    /^parity: The ssh host key of Docker at ssh:\/\/parity-deploy@127\.0\.0\.1:\d+ \(from --host\) has CHANGED/,
                );
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });

        it('a refused host key reaches API callers as a question: kind host-key with the key and the line that trusts it', async () => {
            const client = new EngineClient(
                {
                    address: parseEngineAddress(SSH_CLOUD),
                    source: 'a target',
                    ssh: {
                        identityFile: join(SSH_DIR, 'id_ed25519'),
                        knownHostsFile: '/nonexistent/known_hosts',
                        acceptUnknownHostKey: false,
                    },
                },
                { log: silentLogger, env: {} },
            );
            const error: unknown = await client.status().then(
                () => undefined,
                (caught: unknown) => caught,
            );
            assert.ok(isEngineError(error), String(error));
            assert.equal(error.kind, 'host-key');
            const hostKey = readFileSync(join(SSH_DIR, 'ssh_host_ed25519_key.pub'), 'utf8').split(' ');
            assert.deepEqual(error.hostKey && { ...error.hostKey, fingerprint: undefined }, {
                host: '127.0.0.1',
                port: Number(new URL(SSH_CLOUD).port),
                verdict: 'unknown',
                keyType: 'ssh-ed25519',
                fingerprint: undefined,
                knownHostsFile: '/nonexistent/known_hosts',
                knownHostsLine: `[127.0.0.1]:${new URL(SSH_CLOUD).port} ${hostKey[0] ?? ''} ${hostKey[1] ?? ''}`,
            });
        });
    });
});
