import type * as vscode from 'vscode';

/** What this window needs of a sandbox it started. */
export interface OwnedSandbox {
    readonly name: string;
    readonly exited: Promise<unknown>;
    /** Stops it gracefully (SIGTERM, SIGKILL after the grace period) and removes it. */
    stop(): Promise<unknown>;
    /** Stops it at once and removes it, even while a graceful stop is still waiting: the window is closing. */
    end(): Promise<unknown>;
    /** Brings its terminal to the front. */
    show(): void;
}

/**
 * How long closing the window waits for its sandboxes to go: VS Code ends the extension host 5 s after it
 * asks extensions to deactivate, whatever they still await.
 */
export const WINDOW_CLOSE_WAIT_MS = 4500;

/**
 * The sandboxes this window started and still follows. Stopping one of them goes through its runner, so the
 * terminal says "stopped" rather than reporting a crash, and the runner removes it. Closing the window
 * ends them all and waits for that (`endAll`); one a killed window left behind is found by its owner label.
 */
export class RunningSandboxes implements vscode.Disposable {
    private readonly running = new Map<string, OwnedSandbox>();
    /** Projects whose sandbox this window is starting (packaging, creating), each with how to show its terminal. */
    private readonly starting = new Map<string, () => void>();

    /**
     * Marks the sandbox of a project as starting in this window until the returned function is called. When one
     * is starting already (a second click while the first still packages), that one is shown and the result is
     * undefined: the engine cannot tell yet, since its container does not exist.
     */
    beginStart(project: string, show: () => void): (() => void) | undefined {
        const current = this.starting.get(project);
        if (current) {
            current();
            return undefined;
        }
        this.starting.set(project, show);
        return () => {
            if (this.starting.get(project) === show) {
                this.starting.delete(project);
            }
        };
    }

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

    /** Focuses the terminal of the sandbox of that name when this window runs it; false when it does not. */
    show(name: string): boolean {
        const sandbox = this.running.get(name);
        sandbox?.show();
        return sandbox !== undefined;
    }

    get names(): readonly string[] {
        return [...this.running.keys()];
    }

    /**
     * Ends every sandbox this window still runs and resolves once all are removed, or after `timeoutMs`
     * (a sandbox that failed to end is then left to the next window's check). Never rejects.
     */
    async endAll(timeoutMs = WINDOW_CLOSE_WAIT_MS): Promise<void> {
        const ending = [...this.running.values()].map((sandbox) => sandbox.end().catch(() => undefined));
        this.running.clear();
        if (ending.length === 0) {
            return;
        }
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(ending), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
        clearTimeout(timer);
    }

    dispose(): void {
        void this.endAll();
    }
}
