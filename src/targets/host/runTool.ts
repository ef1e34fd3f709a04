import { homedir } from 'node:os';
import { delimiter, parse } from 'node:path';
import { findOnPath, searchPath } from './findOnPath';

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
 * The command is looked up only in PATH's absolute folders, and the tool gets a PATH without the others:
 * a relative or empty entry means the working folder, and that may be the project, whose `./python3` or
 * `./dpkg-query` must never run.
 */
export function runTool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolOutput | null> {
    const env = { ...options.env };
    const dirs = searchPath(env);
    for (const name of Object.keys(env).filter((key) => key.toUpperCase() === 'PATH')) {
        env[name] = dirs.join(delimiter);
    }
    const executable = command.includes('/') || command.includes('\\') ? command : findOnPath(command, env);
    if (executable === undefined) {
        return Promise.resolve(null);
    }
    // node:child_process (with net, dgram and streams) loads on the first tool run: most snapshots need none.
    return import('node:child_process').then(
        ({ execFile }) =>
            new Promise((resolve) => {
                execFile(
                    executable,
                    [...args],
                    {
                        cwd: options.cwd,
                        env,
                        timeout: options.timeoutMs ?? 5000,
                        maxBuffer: 16 * 1024 * 1024,
                        windowsHide: true,
                        ...(options.signal ? { signal: options.signal } : {}),
                    },
                    (error, stdout, stderr) => {
                        if (error && (typeof error.code !== 'number' || error.killed)) {
                            resolve(null);
                            return;
                        }
                        resolve({ stdout, stderr, code: typeof error?.code === 'number' ? error.code : 0 });
                    },
                );
            }),
    );
}

/**
 * The same options with a working folder no project can be in: for machine-wide tools (dpkg-query, sw_vers,
 * package managers' --version) that must not see a project's config files. The file system's root, which
 * only an administrator can write to — unlike the temp folder, where anyone could plant a `.yarnrc.yml`.
 */
export function outsideProject(options: RunToolOptions): RunToolOptions {
    return { ...options, cwd: parse(homedir()).root };
}
