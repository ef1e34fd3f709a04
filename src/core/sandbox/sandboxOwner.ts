import { hostname } from 'node:os';

/**
 * The process that started a sandbox and stops it when it ends — a VS Code window's extension host. When
 * that process was killed, nothing stops the sandbox; the label lets the next window find it.
 */
export interface SandboxOwner {
    readonly host: string;
    readonly pid: number;
}

/** This process, as the owner of the sandboxes it starts. */
export function currentOwner(): SandboxOwner {
    return { host: hostname(), pid: process.pid };
}

/** The value of the `parity.owner` label: `PID@HOST`. */
export function ownerLabel(owner: SandboxOwner): string {
    return `${owner.pid}@${owner.host}`;
}

/**
 * True only when the owner is known to be gone: it ran on this host and that process no longer exists. A
 * sandbox with no owner label (the CLI, `parity run --detach`), or one owned on another host, is left alone.
 */
export function ownerIsGone(
    label: string | null,
    here: { readonly host: string; readonly isRunning: (pid: number) => boolean },
): boolean {
    const match = /^(\d+)@(.+)$/.exec(label ?? '');
    if (!match?.[1] || match[2] !== here.host) {
        return false;
    }
    return !here.isRunning(Number(match[1]));
}

/** Whether a process of that id exists on this machine (signal 0 checks without sending anything). */
export function processIsRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: it exists but belongs to someone else.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
