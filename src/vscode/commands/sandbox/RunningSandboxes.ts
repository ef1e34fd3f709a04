import type * as vscode from 'vscode';

/** What this window needs of a sandbox it started. */
export interface OwnedSandbox {
    readonly name: string;
    readonly exited: Promise<unknown>;
    stop(): Promise<unknown>;
}

/**
 * The sandboxes this window started and still follows. Stopping one of them goes through its runner, so the
 * terminal says "stopped" rather than reporting a crash, and the runner removes it. Closing the window
 * stops them all: a sandbox lives as long as the window that runs it (`parity clean` takes what a killed
 * window left behind).
 */
export class RunningSandboxes implements vscode.Disposable {
    private readonly running = new Map<string, OwnedSandbox>();

    add(sandbox: OwnedSandbox): void {
        this.running.set(sandbox.name, sandbox);
        void sandbox.exited.finally(() => {
            if (this.running.get(sandbox.name) === sandbox) {
                this.running.delete(sandbox.name);
            }
        });
    }

    /** Stops and removes the sandbox of that name when this window runs it; false when it does not. */
    async stop(name: string): Promise<boolean> {
        const sandbox = this.running.get(name);
        if (!sandbox) {
            return false;
        }
        await sandbox.stop();
        return true;
    }

    get names(): readonly string[] {
        return [...this.running.keys()];
    }

    dispose(): void {
        for (const sandbox of this.running.values()) {
            void sandbox.stop().catch(() => undefined);
        }
        this.running.clear();
    }
}
