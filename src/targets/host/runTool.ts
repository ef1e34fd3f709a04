import { execFile } from 'node:child_process';

export interface ToolOutput {
    readonly stdout: string;
    readonly stderr: string;
    readonly code: number;
}

export interface RunToolOptions {
    readonly cwd: string;
    readonly env: NodeJS.ProcessEnv;
    readonly timeoutMs?: number;
    readonly signal?: AbortSignal;
}

/**
 * Runs a tool the way a shell in the project folder would (PATH, shims), with a deadline.
 * Resolves null when the tool is not installed, times out or is cancelled — absence is an answer, not an error.
 */
export function runTool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolOutput | null> {
    return new Promise((resolve) => {
        execFile(command, [...args], {
            cwd: options.cwd,
            env: options.env,
            timeout: options.timeoutMs ?? 5000,
            maxBuffer: 16 * 1024 * 1024,
            windowsHide: true,
            ...(options.signal ? { signal: options.signal } : {}),
        }, (error, stdout, stderr) => {
            if (error && (typeof error.code !== 'number' || error.killed)) {
                resolve(null);
                return;
            }
            resolve({ stdout, stderr, code: typeof error?.code === 'number' ? error.code : 0 });
        });
    });
}
