import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PARITY_CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface ParityRun {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built `parity` CLI as a user would, in its own process. */
export function runParity(
    args: readonly string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): ParityRun {
    if (!existsSync(PARITY_CLI)) {
        throw new Error(`${PARITY_CLI} is missing — run: npm run build`);
    }
    const result = spawnSync(process.execPath, [PARITY_CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
