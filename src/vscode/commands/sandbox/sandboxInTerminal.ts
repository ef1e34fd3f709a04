import * as vscode from 'vscode';
import type { SandboxExit } from '../../../core/sandbox/SandboxEvent';
import type { EngineClient } from '../../../engine/EngineClient';
import type { Sandbox } from '../../../engine/sandbox/Sandbox';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { SandboxTerminal } from './SandboxTerminal';

/** The app's time to shut down when the window closes, inside the window's own WINDOW_CLOSE_WAIT_MS. */
const WINDOW_CLOSE_GRACE_MS = 1000;

export interface RunResult {
    readonly name: string;
    /** Where the app answers; null when it ended before it was ready. */
    readonly url: string | null;
    /** The exit, when the app ended before it was ready. */
    readonly exit?: SandboxExit;
    /** The project's sandbox was running already: it was shown (and Restart offered), none was started. */
    readonly alreadyRunning?: true;
    /** It runs as a worker (no port, or a Procfile worker): nothing waited for it to answer. */
    readonly worker?: true;
}

export interface TerminalStart {
    readonly pipeline: typeof import('../../lazy/pipelineModule');
    readonly client: EngineClient;
    /** The sandbox's lifetime: aborted when its terminal closes. */
    readonly signal: AbortSignal;
    readonly abort: () => void;
    readonly terminal: SandboxTerminal;
}

export interface TerminalRun {
    /** The terminal's name after "Parity: ". */
    readonly name: string;
    /** A worker process (a Procfile line): nothing waits for a port; the line is shown instead. */
    readonly worker?: string;
    /** Told the terminal as soon as it exists (to show it again from elsewhere). */
    readonly onTerminal?: (terminal: vscode.Terminal) => void;
    /** Starts the sandbox; undefined when the user stopped before it started. */
    readonly start: (context: TerminalStart) => Promise<{ readonly sandbox: Sandbox } | undefined>;
}

/**
 * A sandbox in a terminal of its own, the way Run in Sandbox and Run like Target show one: its output streams
 * in; "Ready at …" offers Open in Browser; an exit says why in plain words. Closing the terminal stops and
 * removes the sandbox, and so does closing the window. Resolves once the app is ready or has ended.
 */
export async function sandboxInTerminal(deps: ExtensionDeps, run: TerminalRun): Promise<RunResult | undefined> {
    const controller = new AbortController();
    const terminal = new SandboxTerminal(() => controller.abort());
    const shown = vscode.window.createTerminal({
        name: `Parity: ${run.name}`,
        pty: terminal,
        iconPath: new vscode.ThemeIcon('vm-running'),
    });
    run.onTerminal?.(shown);
    shown.show(true);
    // Set once the container runs: a failure after that (never ready) must not leave it running.
    let stopStarted: (() => Promise<unknown>) | undefined;
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await deps.engine.client();
        const started = await run.start({
            pipeline,
            client,
            signal: controller.signal,
            abort: () => controller.abort(),
            terminal,
        });
        if (!started) {
            terminal.note(vscode.l10n.t('Stopped before the sandbox started.'), 'yellow');
            terminal.finished();
            return undefined;
        }
        const { sandbox } = started;
        deps.sandboxes.add({
            name: sandbox.name,
            exited: sandbox.exited,
            stop: () => sandbox.stop(),
            // A graceful stop (its terminal closed) may still wait out its 10 s grace: ending goes round it.
            end: () => pipeline.stopSandboxNamed(client, sandbox.name, { graceMs: WINDOW_CLOSE_GRACE_MS }),
            show: () => shown.show(),
        });
        stopStarted = () => sandbox.stop();
        deps.engineViews.forEach((view) => view.refresh());
        void sandbox.exited.then((exit) => {
            terminal.finished();
            deps.engineViews.forEach((view) => view.refresh());
            if (exit && !exit.stopped) {
                void vscode.window.showErrorMessage(vscode.l10n.t('Parity: {0} {1}.', sandbox.name, exit.reason));
            }
        });
        // A worker answers on no port: it runs until it ends or the terminal closes, and nothing waits for it.
        const worker =
            run.worker ??
            (sandbox.policy.port === null || sandbox.policy.network === 'none'
                ? vscode.l10n.t(
                      '{0} has no port, so it runs as a worker: nothing waits for it to answer, and it counts as running while its process lives.',
                      run.name,
                  )
                : undefined);
        if (worker) {
            terminal.note(worker, 'bold');
            return { name: sandbox.name, url: null, worker: true };
        }
        const outcome = await Promise.race([
            sandbox.waitReady().then((ready) => ({ ready })),
            sandbox.exited.then((exit) => ({ exit })),
        ]);
        if ('ready' in outcome) {
            const open = vscode.l10n.t('Open in Browser');
            void vscode.window
                .showInformationMessage(
                    vscode.l10n.t('Parity: {0} is ready at {1}', sandbox.name, outcome.ready.url),
                    open,
                )
                .then((choice) => {
                    if (choice === open) {
                        void vscode.env.openExternal(vscode.Uri.parse(outcome.ready.url));
                    }
                });
            return { name: sandbox.name, url: outcome.ready.url };
        }
        return { name: sandbox.name, url: null, ...(outcome.exit ? { exit: outcome.exit } : {}) };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        terminal.note(controller.signal.aborted && isAbortError(error) ? vscode.l10n.t('Cancelled.') : message, 'red');
        await stopStarted?.().catch(() => undefined);
        terminal.finished();
        deps.log.error(error instanceof Error ? error : message);
        if (!controller.signal.aborted) {
            void vscode.window
                .showErrorMessage(
                    vscode.l10n.t('Parity: the sandbox did not start: {0}', message),
                    vscode.l10n.t('Show Log'),
                )
                .then((choice) => choice && deps.log.show());
        }
        return undefined;
    }
}
