import { runCli } from '../../src/cli/runCli';

/** What one in-process `parity` run printed and returned. */
export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * Runs the CLI's entry function in this process (no build needed) with `--timeout 2`, so a test that never
 * reaches an engine fails fast instead of waiting for one.
 */
export async function runCliInProcess(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--timeout', '2', ...args], {
        env,
        stdout: (text) => {
            stdout += text;
        },
        stderr: (text) => {
            stderr += text;
        },
        signal: new AbortController().signal,
        version: '0.0.0-test',
        loadCommands: () => import('../../src/cli/cliCommands'),
    });
    return { code, stdout, stderr };
}
