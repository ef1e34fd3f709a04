import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DiffReport } from '../../src/core/diff/DiffReport';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { dockerCli } from '../support/dockerCli';
import { runParity, type ParityRun } from '../support/runParity';
import { probeContainersFrom, REGISTRY, requireRegistries } from './registryTestImages';
import {
    assertOneClearLine,
    CERTS,
    CLOUD_TLS,
    cloudCli,
    requireRemoteTestbed,
    SSH_CLOUD,
    sshEnv,
    tlsEnv,
} from './remoteTestbed';

const CONTAINER = `parity-test-targets-${process.pid}`;
const LABELS = ['--label', 'parity.managed=true', '--label', 'parity.purpose=test'];
/** No TLS from the environment: what the flags alone must do. */
const NO_TLS_ENV = { DOCKER_HOST: '', DOCKER_TLS_VERIFY: '', DOCKER_TLS: '', DOCKER_CERT_PATH: '' };
const client = join(CERTS, 'client');
const TLS_FLAGS = [
    '--tlsverify',
    '--tlscacert',
    join(client, 'ca.pem'),
    '--tlscert',
    join(client, 'cert.pem'),
    '--tlskey',
    join(client, 'key.pem'),
];

function reportOf(result: ParityRun): DiffReport {
    assert.ok(result.code === 0 || result.code === 1, `exit 0 or 1; stderr: ${result.stderr}`);
    return JSON.parse(result.stdout) as DiffReport;
}

describe("targets on remote engines and the TLS flags (the built CLI, the test bed's cloud engine, sshd and registry)", () => {
    before(async () => {
        requireRemoteTestbed();
        await requireRegistries();
        try {
            cloudCli(['rm', '--force', CONTAINER]);
        } catch {
            // not there: nothing to clear
        }
        cloudCli(['run', '-d', '--name', CONTAINER, ...LABELS, 'node:20.20.2-bookworm-slim', 'sleep', '600']);
    });
    after(() => {
        cloudCli(['rm', '--force', CONTAINER]);
    });

    describe("--tlsverify, --tlscacert, --tlscert, --tlskey (and --tls) apply to -H as the Docker CLI's do", () => {
        it('the right files connect, with no TLS in the environment', () => {
            const doctor = runParity(['doctor', '-H', CLOUD_TLS, ...TLS_FLAGS], { env: NO_TLS_ENV });
            assert.equal(doctor.code, 0, doctor.stderr);
            assert.match(doctor.stdout, /^Address: +tcp:\/\/127\.0\.0\.1:\d+ \(from --host\)$/m);
            const withoutFlags = runParity(['doctor', '-H', CLOUD_TLS], { env: NO_TLS_ENV });
            assertOneClearLine(withoutFlags, /only speaks TLS/);
        });

        it('--tlsverify alone takes ca.pem, cert.pem and key.pem from DOCKER_CERT_PATH; --tls encrypts without verifying', () => {
            assert.equal(
                runParity(['doctor', '-H', CLOUD_TLS, '--tlsverify'], {
                    env: { ...NO_TLS_ENV, DOCKER_CERT_PATH: client },
                }).code,
                0,
            );
            const encryptOnly = runParity(
                [
                    'doctor',
                    '-H',
                    CLOUD_TLS,
                    '--tls',
                    '--tlscacert',
                    join(CERTS, 'wrong-ca', 'ca.pem'),
                    '--tlscert',
                    join(client, 'cert.pem'),
                    '--tlskey',
                    join(client, 'key.pem'),
                ],
                { env: NO_TLS_ENV },
            );
            assert.equal(
                encryptOnly.code,
                0,
                `--tls does not verify the engine, so another CA does not matter: ${encryptOnly.stderr}`,
            );
        });

        it('a wrong CA names the CA file; a missing file is named', () => {
            const wrongCa = join(CERTS, 'wrong-ca', 'ca.pem');
            assertOneClearLine(
                runParity(
                    [
                        'doctor',
                        '-H',
                        CLOUD_TLS,
                        '--tlsverify',
                        '--tlscacert',
                        wrongCa,
                        '--tlscert',
                        join(client, 'cert.pem'),
                        '--tlskey',
                        join(client, 'key.pem'),
                    ],
                    { env: NO_TLS_ENV },
                ),
                new RegExp(
                    `is not signed by the CA Parity trusts \\(CA: ${wrongCa.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`,
                ),
            );
            assertOneClearLine(
                runParity(['doctor', '-H', CLOUD_TLS, '--tlsverify', '--tlscacert', '/nonexistent/parity ca.pem'], {
                    env: NO_TLS_ENV,
                }),
                /^parity: Cannot set up a connection to tcp:\/\/127\.0\.0\.1:\d+: the CA certificate \/nonexistent\/parity ca\.pem does not exist$/,
            );
            assertOneClearLine(
                runParity(
                    [
                        'snapshot',
                        '--target',
                        `container:${CONTAINER}`,
                        '-H',
                        CLOUD_TLS,
                        '--tlscacert',
                        join(client, 'ca.pem'),
                        '--tlscert',
                        join(client, 'cert.pem'),
                        '--tlskey',
                        '/nonexistent/key.pem',
                    ],
                    { env: NO_TLS_ENV },
                ),
                /the client key \/nonexistent\/key\.pem does not exist$/,
            );
        });
    });

    describe('parity snapshot --target KIND:NAME@ENGINE', () => {
        it('container@tcp:// with the TLS flags, image@ssh://', () => {
            const container = runParity(['snapshot', '--target', `container:${CONTAINER}@${CLOUD_TLS}`, ...TLS_FLAGS], {
                env: NO_TLS_ENV,
            });
            assert.equal(container.code, 0, container.stderr);
            const snapshot = JSON.parse(container.stdout) as Snapshot;
            assert.equal(snapshot.meta.source.kind, 'container');
            assert.equal(snapshot.runtimes.node?.installed?.version, '20.20.2');
            const image = runParity(['snapshot', '--target', `image:node:20.20.2-bookworm-slim@${SSH_CLOUD}`], {
                env: sshEnv(),
            });
            assert.equal(image.code, 0, image.stderr);
            assert.equal((JSON.parse(image.stdout) as Snapshot).meta.source.kind, 'image');
        });

        it('host: and file: are not snapshot targets', () => {
            const result = runParity(['snapshot', '--target', 'file:x.json'], { env: NO_TLS_ENV });
            assert.equal(result.code, 2);
            assert.match(result.stderr, /--target must be image:REF, container:NAME, swarm:SERVICE or registry:REF/);
        });
    });

    describe('parity diff --to a target on a remote engine', () => {
        it('container:NAME@tcp://127.0.0.1:2376 (TLS from DOCKER_TLS_VERIFY / DOCKER_CERT_PATH)', () => {
            const report = reportOf(
                runParity(
                    [
                        'diff',
                        '--from',
                        'image:node:20.20.2-bookworm-slim',
                        '--to',
                        `container:${CONTAINER}@${CLOUD_TLS}`,
                        '--format',
                        'json',
                    ],
                    { env: tlsEnv() },
                ),
            );
            assert.equal(report.to.target, `container:${CONTAINER}@${CLOUD_TLS}`);
            assert.equal(report.to.kind, 'container');
            assert.ok(
                !report.findings.some((finding) => finding.facet === 'runtimes'),
                'the same node image on both sides: no runtime difference',
            );
        });

        it('container:NAME@ssh://parity-deploy@127.0.0.1:2222', () => {
            const report = reportOf(
                runParity(
                    [
                        'diff',
                        '--from',
                        'image:node:20.20.2-bookworm-slim',
                        '--to',
                        `container:${CONTAINER}@${SSH_CLOUD}`,
                        '--format',
                        'json',
                    ],
                    { env: sshEnv() },
                ),
            );
            assert.equal(report.to.target, `container:${CONTAINER}@${SSH_CLOUD}`);
        });

        it('registry:REF@tcp://… is pulled by that engine and removed from it again', () => {
            const ref = `${REGISTRY}/parity-test/node-${process.pid}:1`;
            dockerCli(['tag', 'node:20.20.2-bookworm-slim', ref]);
            try {
                dockerCli(['push', '-q', ref]);
            } finally {
                dockerCli(['rmi', ref]);
            }
            const report = reportOf(
                runParity(
                    [
                        'diff',
                        '--from',
                        'image:node:20.20.2-bookworm-slim',
                        '--to',
                        `registry:${ref}@${CLOUD_TLS}`,
                        '--format',
                        'json',
                    ],
                    { env: tlsEnv() },
                ),
            );
            assert.equal(report.to.kind, 'image', 'what was captured: an image (the target says where it came from)');
            assert.equal(report.to.target, `registry:${ref}@${CLOUD_TLS}`);
            assert.ok(
                !report.findings.some((finding) => finding.facet === 'runtimes'),
                'the same node image: no runtime difference',
            );
            assert.equal(cloudCli(['images', '-q', ref]), '', 'the cloud engine no longer has the pulled image');
            assert.equal(
                probeContainersFrom(
                    cloudCli,
                    cloudCli(['image', 'inspect', '-f', '{{.Id}}', 'node:20.20.2-bookworm-slim']),
                ),
                0,
                'no container is left on the cloud engine',
            );
        });

        it('an unknown container or image on a remote engine: one line naming it and the engine', () => {
            assertOneClearLine(
                runParity(['diff', '--to', `container:parity-no-such-${process.pid}@${CLOUD_TLS}`], { env: tlsEnv() }),
                new RegExp(
                    `^parity: There is no container parity-no-such-${process.pid} on the engine at tcp://127\\.0\\.0\\.1:\\d+`,
                ),
            );
            assertOneClearLine(
                runParity(['diff', '--to', `image:parity-no-such-${process.pid}:1@${SSH_CLOUD}`], { env: sshEnv() }),
                new RegExp(
                    `^parity: Image parity-no-such-${process.pid}:1 is not on the engine at ssh://parity-deploy@127\\.0\\.0\\.1:\\d+`,
                ),
            );
        });
    });
});
