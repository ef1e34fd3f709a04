import { setTimeout as delay } from 'node:timers/promises';
import { collectOutput, type CommandOutput, MAX_OUTPUT_BYTES } from './collectOutput';
import type { Dockerode, DockerodeExec } from './Dockerode';

export interface ExecOptions {
    /** As `docker exec --user`; the container's user when absent. */
    readonly user?: string;
    readonly workingDir?: string;
    /** Extra `NAME=value` entries on top of the container's environment. */
    readonly env?: readonly string[];
    /**
     * Written to the command's stdin as it starts (then stdin is left open; the command lets go of it).
     * For a secret: unlike an argument or env entry it is kept in no engine record and no /proc file.
     */
    readonly stdin?: string;
}

export interface CommandResult extends CommandOutput {
    /** null when the engine could not tell (the process was cut off, or its record is gone). */
    readonly exitCode: number | null;
}

/**
 * Runs a command in a running container: create the exec, start it hijacked, demultiplex the output until
 * the process ends, then read the exit code from the exec's record. The signal bounds the whole run; on
 * abort the connection is dropped (the engine offers no way to kill an exec'd process — keep them short).
 * When the connection to the engine breaks once the output flows, what arrived is kept: the result says
 * `cutOff` and its exit code is null, and the caller decides what a partial output is worth.
 */
export async function execInContainer(
    docker: Dockerode,
    containerId: string,
    command: readonly string[],
    signal: AbortSignal,
    options: ExecOptions = {},
): Promise<CommandResult> {
    const exec = await docker.getContainer(containerId).exec({
        Cmd: [...command],
        AttachStdin: options.stdin !== undefined,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        ...(options.user === undefined ? {} : { User: options.user }),
        ...(options.workingDir === undefined ? {} : { WorkingDir: options.workingDir }),
        ...(options.env === undefined ? {} : { Env: [...options.env] }),
        abortSignal: signal,
    });
    const stream = await exec.start({
        hijack: true,
        stdin: options.stdin !== undefined,
        Detach: false,
        Tty: false,
        abortSignal: signal,
    });
    if (options.stdin !== undefined) {
        stream.write(options.stdin);
    }
    const output = await collectOutput(docker, stream, signal, MAX_OUTPUT_BYTES, true);
    try {
        return { ...output, exitCode: await exitCodeOf(exec, signal) };
    } catch (error) {
        // The output ended because the engine went away (the stream closed without an error of its own).
        if (signal.aborted || !isConnectionLoss(error)) {
            throw error;
        }
        return { ...output, exitCode: null, cutOff: output.cutOff ?? (error as { code: string }).code };
    }
}

const CONNECTION_LOST = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ENOENT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ETIMEDOUT',
]);

function isConnectionLoss(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && CONNECTION_LOST.has(code);
}

/** The output can close a moment before the engine records the exit; ask a few times. */
async function exitCodeOf(exec: DockerodeExec, signal: AbortSignal): Promise<number | null> {
    for (let attempt = 0; attempt < 20; attempt++) {
        const info = await exec.inspect({ abortSignal: signal });
        if (!info.Running) {
            return info.ExitCode;
        }
        await delay(25, undefined, { signal });
    }
    return null;
}
