// The Targets view's engine checks against the real test bed: one engine per `@ENGINE` (TargetEngines), a
// dead engine (refused, or accepting and silent) never holds up a live one, an unknown ssh host key is told
// apart from a dead engine — and once trusted (what "Trust and Connect" does) the same target answers. Open
// Shell's docker CLI flags reach the container on the TLS engine.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { parseSavedTargets } from '../../src/core/savedTargets/parseSavedTargets';
import type { SavedTarget } from '../../src/core/savedTargets/SavedTarget';
import type { TargetReach } from '../../src/core/savedTargets/targetRow';
import { trustHostKey } from '../../src/engine/connection/trustHostKey';
import { dockerCliEngineArgs } from '../../src/engine/dockerCliEngineArgs';
import { EngineClient } from '../../src/engine/EngineClient';
import { isEngineError } from '../../src/engine/EngineError';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { TargetEngines } from '../../src/vscode/TargetEngines';
import { TargetReachability } from '../../src/vscode/targets/TargetReachability';
import { closedPort, silentServer } from '../support/ports';
import { IDLE_COMMAND } from '../support/viewsTestKit';
import { CERTS, CLOUD_TLS, cloudCli, requireRemoteTestbed, SSH_CLOUD, SSH_DIR, SWARM_SERVICE } from './remoteTestbed';

/** Generous, so a busy machine's ssh handshake is not mistaken for a dead engine. */
const PING_MS = 4000;

function targets(values: readonly { name: string; target: string }[]): SavedTarget[] {
    const parsed = parseSavedTargets(values, { kind: 'workspace-settings' });
    assert.deepEqual(parsed.problems, []);
    return [...parsed.targets];
}

function enginesWith(env: NodeJS.ProcessEnv): TargetEngines {
    const current = (async () =>
        new EngineClient(await resolveEngine(undefined, { ...env, DOCKER_HOST: '', DOCKER_TLS_VERIFY: '' }), {
            log: silentLogger,
            env,
        }))();
    return new TargetEngines({ current: () => current, timeoutMs: () => 10_000, log: silentLogger, env });
}

describe('Targets view engine checks, against the real test bed', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity-target-reach-'));
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        DOCKER_HOST: '',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: join(CERTS, 'client'),
        SSH_AUTH_SOCK: '',
        PARITY_SSH_IDENTITY_FILE: join(SSH_DIR, 'id_ed25519'),
        PARITY_SSH_KNOWN_HOSTS: join(SSH_DIR, 'known_hosts'),
    };
    const container = `parity-target-reach-${process.pid}`;

    before(() => {
        requireRemoteTestbed();
        cloudCli([
            'run',
            '-d',
            '--name',
            container,
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=test',
            '--label',
            'parity.test=targets',
            'busybox',
            ...IDLE_COMMAND,
        ]);
    });
    after(() => {
        cloudCli(['rm', '-f', container]);
        rmSync(scratch, { recursive: true, force: true });
    });

    it('rows never wait: every target reads "checking" at once; the live engines answer, the dead ones say why', async () => {
        const silent = await silentServer();
        const refused = await closedPort();
        const engines = enginesWith(env);
        const changed: string[] = [];
        const reachability = new TargetReachability({
            client: (engine) => engines.client(engine),
            pingMs: PING_MS,
            onChange: (done) => changed.push(...done.map((target) => target.name)),
        });
        try {
            const saved = targets([
                { name: 'local', target: 'image:busybox' },
                { name: 'tls', target: `container:${container}@${CLOUD_TLS}` },
                { name: 'tls too', target: `image:busybox@${CLOUD_TLS}` },
                { name: 'ssh', target: `swarm:${SWARM_SERVICE}@${SSH_CLOUD}` },
                { name: 'refused', target: `container:api@tcp://127.0.0.1:${refused}` },
                { name: 'silent', target: `container:api@tcp://127.0.0.1:${silent.port}` },
            ]);
            assert.deepEqual(
                saved.map((target) => reachability.reachOf(target).kind),
                saved.map(() => 'checking'),
            );
            await reachability.settled();
            const reach = new Map(saved.map((target) => [target.name, reachability.reachOf(target)]));
            assert.equal(reach.get('local')?.kind, 'reachable');
            assert.equal(reach.get('tls')?.kind, 'reachable');
            assert.equal(reach.get('ssh')?.kind, 'reachable');
            assert.deepEqual(reach.get('refused'), {
                ...reach.get('refused'),
                kind: 'unreachable',
                reason: 'nothing answers there',
            });
            assert.deepEqual(reach.get('silent'), {
                ...reach.get('silent'),
                kind: 'unreachable',
                reason: 'no answer within 4 s',
            });
            // Two targets on one engine: one check, both rows told.
            assert.deepEqual(reach.get('tls too'), reach.get('tls'));
            assert.deepEqual([...changed].sort(), saved.map((target) => target.name).sort());
        } finally {
            reachability.dispose();
            engines.dispose();
            await silent.close();
        }
    });

    it('an unknown ssh host key is its own state (not "dead"); trusted, the same target answers', async () => {
        const knownHosts = join(scratch, 'known_hosts');
        writeFileSync(knownHosts, '');
        const engines = enginesWith({ ...env, PARITY_SSH_KNOWN_HOSTS: knownHosts });
        const reachability = new TargetReachability({
            client: (engine) => engines.client(engine),
            pingMs: 5000,
            onChange: () => undefined,
        });
        try {
            const [saved] = targets([{ name: 'ssh', target: `container:${container}@${SSH_CLOUD}` }]);
            assert.ok(saved?.target.kind === 'container');
            const first: TargetReach = await reachability.recheck(saved);
            assert.equal(first.kind, 'host-key', JSON.stringify(first));
            assert.equal(first.kind === 'host-key' ? first.reason : '', 'unknown ssh host key');
            // What "Trust and Connect" does: the key's line goes into the file it was checked against, then a fresh client.
            const problem = await (await engines.client(saved.target.engine)).status().then(
                () => undefined,
                (error: unknown) => (isEngineError(error) ? error.hostKey : undefined),
            );
            assert.ok(
                problem &&
                    problem.verdict === 'unknown' &&
                    problem.knownHostsFile === knownHosts &&
                    /^SHA256:/.test(problem.fingerprint),
            );
            assert.equal(await trustHostKey(problem), true);
            engines.forget(saved.target.engine);
            assert.equal((await reachability.recheck(saved)).kind, 'reachable');
        } finally {
            reachability.dispose();
            engines.dispose();
        }
    });

    it('a CHANGED ssh host key is never a question: the row says so, and trusting it is refused', async () => {
        const knownHosts = join(scratch, 'known_hosts_changed');
        // Another ed25519 key on file for the same host and port: what a man in the middle looks like.
        const [type, key] = readFileSync(join(SSH_DIR, 'wrong_id_ed25519.pub'), 'utf8').trim().split(/\s+/);
        const port = new URL(SSH_CLOUD).port;
        writeFileSync(knownHosts, `[127.0.0.1]:${port} ${type} ${key}\n`);
        const engines = enginesWith({ ...env, PARITY_SSH_KNOWN_HOSTS: knownHosts });
        const reachability = new TargetReachability({
            client: (engine) => engines.client(engine),
            pingMs: 5000,
            onChange: () => undefined,
        });
        try {
            const [saved] = targets([{ name: 'ssh', target: `image:busybox@${SSH_CLOUD}` }]);
            assert.ok(saved?.target.kind === 'image');
            const reach = await reachability.recheck(saved);
            assert.deepEqual(reach, { ...reach, kind: 'unreachable', reason: 'the ssh host key has CHANGED' });
            const problem = await (await engines.client(saved.target.engine)).status().then(
                () => undefined,
                (error: unknown) => (isEngineError(error) ? error.hostKey : undefined),
            );
            assert.equal(problem?.verdict, 'changed');
            await assert.rejects(trustHostKey(problem), /CHANGED key/);
            assert.equal(
                readFileSync(knownHosts, 'utf8'),
                `[127.0.0.1]:${port} ${type} ${key}\n`,
                'known_hosts is untouched',
            );
        } finally {
            reachability.dispose();
            engines.dispose();
        }
    });

    it('Add Target lists the Swarm services of an engine; one that is no Swarm manager is an api error', async () => {
        const engines = enginesWith(env);
        try {
            const [ssh] = targets([{ name: 'ssh', target: `swarm:x@${SSH_CLOUD}` }]);
            const services = await (
                await engines.client(ssh?.target.kind === 'swarm' ? ssh.target.engine : undefined)
            ).listServices();
            assert.ok(
                services.some(
                    (service) =>
                        service.name === SWARM_SERVICE &&
                        service.replicas !== undefined &&
                        service.image.startsWith('parity-testbed/web'),
                ),
                JSON.stringify(services),
            );
            await assert.rejects(
                (await engines.client()).listServices(),
                (error: unknown) => isEngineError(error) && error.kind === 'api' && error.statusCode === 503,
            );
        } finally {
            engines.dispose();
        }
    });

    it("Open Shell's docker CLI flags reach the container on the TLS engine, whatever DOCKER_HOST says", async () => {
        const engines = enginesWith(env);
        try {
            const [tls] = targets([{ name: 'tls', target: `container:${container}@${CLOUD_TLS}` }]);
            const client = await engines.client(tls?.target.kind === 'container' ? tls.target.engine : undefined);
            const args = dockerCliEngineArgs(client.selection);
            assert.deepEqual(args.slice(0, 3), ['--host', CLOUD_TLS, '--tlsverify']);
            const out = execFileSync('docker', [...args, 'exec', container, 'sh', '-c', 'echo "in $(hostname)"'], {
                encoding: 'utf8',
                env: {
                    ...process.env,
                    DOCKER_HOST: 'unix:///nonexistent.sock',
                    DOCKER_TLS_VERIFY: '',
                    DOCKER_CERT_PATH: '',
                },
            });
            assert.match(out, /^in [0-9a-f]{12}\n$/);
        } finally {
            engines.dispose();
        }
    });
});
