import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dockerCli } from '../support/dockerCli';
import type { ParityRun } from '../support/runParity';

/**
 * The test bed's remote components (scripts/testbed/cloud.sh, ssh.sh, swarm.sh, podman.sh) and the files
 * they make; the same defaults as the scripts, PARITY_STATE_DIR moving them all.
 */
const STATE = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
export const CLOUD_TLS = `tcp://127.0.0.1:${process.env.PARITY_CLOUD_PORT ?? '2376'}`;
export const CLOUD_SOCKET = `unix://${join(STATE, 'cloud', 'docker.sock')}`;
export const CERTS = join(STATE, 'cloud', 'certs');
const SSH_PORT = Number(process.env.PARITY_SSH_PORT ?? '2222');
export const SSH_CLOUD = `ssh://parity-deploy@127.0.0.1:${SSH_PORT}`;
export const SSH_MAIN = `ssh://parity-deploy@127.0.0.1:${SSH_PORT + 1}`;
export const SSH_DIR = join(STATE, 'ssh');
export const PODMAN_SOCKET = `unix://${join(STATE, 'podman', 'podman.sock')}`;
export const SWARM_SERVICE = process.env.PARITY_SWARM_SERVICE ?? 'parity-web';

/** Environment for the CLI: TLS to the cloud engine with the right certificates (or the named folder). */
export function tlsEnv(certFolder = 'client'): NodeJS.ProcessEnv {
    return { DOCKER_HOST: '', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(CERTS, certFolder) };
}

/** Environment for the CLI: ssh with the test bed's key and known_hosts (no agent). */
export function sshEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
        DOCKER_HOST: '',
        SSH_AUTH_SOCK: '',
        PARITY_SSH_IDENTITY_FILE: join(SSH_DIR, 'id_ed25519'),
        PARITY_SSH_KNOWN_HOSTS: join(SSH_DIR, 'known_hosts'),
        ...overrides,
    };
}

/** The docker CLI on the cloud engine, as a witness independent of Parity. */
export function cloudCli(args: readonly string[]): string {
    return dockerCli(args, { ...process.env, DOCKER_HOST: CLOUD_SOCKET });
}

export function podmanCli(args: readonly string[]): string {
    return dockerCli(args, { ...process.env, DOCKER_HOST: PODMAN_SOCKET });
}

/** Fails with the command that starts what is missing, instead of passing vacuously. */
export function requireRemoteTestbed(): void {
    const missing: string[] = [];
    const answers = (run: () => string): boolean => {
        try {
            run();
            return true;
        } catch {
            return false;
        }
    };
    if (
        !answers(() => cloudCli(['version', '--format', '{{.Server.Version}}'])) ||
        !existsSync(join(CERTS, 'client', 'ca.pem'))
    ) {
        missing.push('cloud');
    }
    if (!answers(() => cloudCli(['service', 'inspect', SWARM_SERVICE]))) {
        missing.push('swarm');
    }
    if (!existsSync(join(SSH_DIR, 'id_ed25519')) || !existsSync(join(SSH_DIR, 'known_hosts'))) {
        missing.push('ssh');
    }
    if (!answers(() => podmanCli(['version', '--format', '{{.Server.Version}}']))) {
        missing.push('podman');
    }
    if (missing.length > 0) {
        throw new Error(
            `The remote test-bed components ${missing.join(', ')} are not up. Start them with: npm run testbed -- up ${missing.join(' ')}`,
        );
    }
}

/** A failed CLI run: exit 2, one line on stderr naming the target or engine, nothing on stdout, no stack trace. */
export function assertOneClearLine(result: ParityRun, pattern: RegExp): void {
    assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
    assert.match(lines[0] ?? '', pattern);
    assert.equal(result.stdout, '');
}
