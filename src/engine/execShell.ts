import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { EngineClient } from './EngineClient';

/** bash when the image has it (history, line editing), else the POSIX sh every image Parity runs has. */
const SHELL = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi'];

export interface ShellSession {
    /** The terminal's raw bytes both ways: write keystrokes, read what the shell prints. */
    readonly stream: Duplex;
    /** Tells the shell's TTY its new size (columns × rows). */
    resize(columns: number, rows: number): Promise<void>;
    /** Resolves with the shell's exit code once the stream ends (null when the engine could not say). */
    readonly exited: Promise<number | null>;
}

export interface ShellOptions {
    readonly columns: number;
    readonly rows: number;
    /** As `docker exec --user`; the container's own user when absent. */
    readonly user?: string;
    /** Opening only: a session, once open, lasts until its stream ends or is destroyed. */
    readonly signal?: AbortSignal;
}

/**
 * An interactive shell in a running container through the Engine API, as `docker exec -it` opens one: an
 * exec with a TTY, started hijacked, so the connection carries the terminal's bytes both ways, resized
 * through `/exec/{id}/resize`. No docker CLI is needed on this machine.
 */
export async function execShell(
    client: EngineClient,
    containerId: string,
    options: ShellOptions,
): Promise<ShellSession> {
    const { call } = client.buildDeps();
    const exec = await call(
        `opening a shell in container ${containerId}`,
        (docker, abortSignal) =>
            docker.getContainer(containerId).exec({
                Cmd: SHELL,
                AttachStdin: true,
                AttachStdout: true,
                AttachStderr: true,
                Tty: true,
                Env: ['TERM=xterm-256color'],
                ...(options.user === undefined ? {} : { User: options.user }),
                abortSignal,
            }),
        options.signal,
    );
    const stream = await call(
        `starting a shell in container ${containerId}`,
        (_docker, abortSignal) => exec.start({ hijack: true, stdin: true, Detach: false, Tty: true, abortSignal }),
        options.signal,
    );
    const resize = async (columns: number, rows: number): Promise<void> => {
        await call(`resizing the shell in container ${containerId}`, (_docker, abortSignal) =>
            exec.resize({ h: rows, w: columns, abortSignal }),
        )
            // A resize that races the shell's end has nothing left to resize.
            .catch(() => undefined);
    };
    await resize(options.columns, options.rows);
    const exited = new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.once('end', resolve);
        stream.once('error', () => resolve());
    }).then(async () => {
        for (let attempt = 0; attempt < 20; attempt++) {
            const info = await call("reading the shell's exit", (_docker, abortSignal) =>
                exec.inspect({ abortSignal }),
            ).catch(() => undefined);
            if (info === undefined) {
                return null;
            }
            if (!info.Running) {
                return info.ExitCode;
            }
            await delay(25);
        }
        return null;
    });
    return { stream, resize, exited };
}
