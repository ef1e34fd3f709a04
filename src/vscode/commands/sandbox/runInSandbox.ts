import * as vscode from 'vscode';
import type { SandboxExit } from '../../../core/sandbox/SandboxEvent';
import { currentOwner, ownerLabel } from '../../../core/sandbox/sandboxOwner';
import { readSandboxSettings, readSandboxTarget } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { imageTargets } from '../images/imageTargets';
import { SandboxTerminal } from './SandboxTerminal';

/** The app's time to shut down when the window closes, inside the window's own WINDOW_CLOSE_WAIT_MS. */
const WINDOW_CLOSE_GRACE_MS = 1000;

export interface RunResult {
    readonly name: string;
    /** Where the app answers; null when it ended before it was ready. */
    readonly url: string | null;
    /** The exit, when the app ended before it was ready. */
    readonly exit?: SandboxExit;
}

/**
 * Parity: Run in Sandbox — a project folder (packaged first when its image is missing or stale) or an image,
 * run locked down with the cloud's limits. Output streams into a terminal; "Ready at …" offers Open in
 * Browser; an exit says why in plain words (memory limit, process limit, exit code with the last lines).
 * Closing the terminal stops and removes the sandbox. Resolves once the app is ready or has ended.
 * `process` (a Procfile lens): run that process's command instead of the image's; nothing waits for a port.
 */
export async function runInSandbox(deps: ExtensionDeps, arg?: unknown, procfileProcess?: unknown): Promise<RunResult | undefined> {
    const target = await targetOf(arg);
    if (!target) {
        return undefined;
    }
    const chosen = processOf(procfileProcess);
    const controller = new AbortController();
    const terminal = new SandboxTerminal(() => controller.abort());
    const name = `${target.startsWith('image:') ? target.slice('image:'.length) : target.split(/[\\/]/).pop() ?? target}${chosen ? ` (${chosen.process})` : ''}`;
    const shown = vscode.window.createTerminal({ name: `Parity: ${name}`, pty: terminal, iconPath: new vscode.ThemeIcon('vm-running') });
    shown.show(true);
    // Set once the container runs: a failure after that (never ready) must not leave it running.
    let stopStarted: (() => Promise<unknown>) | undefined;
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await deps.engine.client();
        const projectRoot = target.startsWith('image:') ? undefined : target;
        const settings = await readSandboxSettings(projectRoot, pipeline.readProjectDotenv);
        const targetSpec = readSandboxTarget(projectRoot);
        // Limits parity: the target's memory, CPUs, ulimits and user win over the settings.
        const base = settingsBase(projectRoot);
        const limitsFrom = targetSpec === undefined ? undefined : await pipeline.loadSandboxTarget(client, targetSpec, {
            log: deps.log,
            toolVersion: deps.version,
            signal: controller.signal,
            ...(base ? { base } : {}),
        });
        const { sandbox } = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Parity: starting a sandbox for {0}', name) },
            () => pipeline.runSandbox(client, target, {
                // The owner label lets the next window find this sandbox if this one is killed.
                settings: { ...settings, ownerLabel: ownerLabel(currentOwner()) },
                ...(chosen ? { command: ['/bin/sh', '-c', chosen.command] } : {}),
                ...(limitsFrom ? { target: limitsFrom } : {}),
                log: deps.log,
                toolVersion: deps.version,
                signal: controller.signal,
                onBuildEvent: (event) => terminal.build(event),
                onEvent: (event) => terminal.sandbox(event),
            }),
        );
        deps.sandboxes.add({
            name: sandbox.name,
            exited: sandbox.exited,
            stop: () => sandbox.stop(),
            // A graceful stop (its terminal closed) may still wait out its 10 s grace: ending goes round it.
            end: () => pipeline.stopSandboxNamed(client, sandbox.name, { graceMs: WINDOW_CLOSE_GRACE_MS }),
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
        if (chosen) {
            // A worker answers on no port: it runs until it ends or the terminal closes.
            terminal.note(`${chosen.process}: ${chosen.command}`, 'bold');
            return { name: sandbox.name, url: null };
        }
        const outcome = await Promise.race([
            sandbox.waitReady().then((ready) => ({ ready })),
            sandbox.exited.then((exit) => ({ exit })),
        ]);
        if ('ready' in outcome) {
            const open = vscode.l10n.t('Open in Browser');
            void vscode.window.showInformationMessage(vscode.l10n.t('Parity: {0} is ready at {1}', sandbox.name, outcome.ready.url), open).then((choice) => {
                if (choice === open) {
                    void vscode.env.openExternal(vscode.Uri.parse(outcome.ready.url));
                }
            });
            return { name: sandbox.name, url: outcome.ready.url };
        }
        return { name: sandbox.name, url: null, ...(outcome.exit ? { exit: outcome.exit } : {}) };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        terminal.note(message, 'red');
        await stopStarted?.().catch(() => undefined);
        terminal.finished();
        deps.log.error(error instanceof Error ? error : message);
        if (!controller.signal.aborted) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Parity: the sandbox did not start: {0}', message), vscode.l10n.t('Show Log'))
                .then((choice) => choice && deps.log.show());
        }
        return undefined;
    }
}

/** The Procfile process a lens asked for: its name and command line. */
function processOf(value: unknown): { process: string; command: string } | undefined {
    const candidate = typeof value === 'object' && value !== null ? value as { process?: unknown; command?: unknown } : {};
    return typeof candidate.process === 'string' && typeof candidate.command === 'string' && candidate.command.trim() !== ''
        ? { process: candidate.process, command: candidate.command }
        : undefined;
}

/** Where a relative path in the settings starts: the workspace folder the setting belongs to. */
function settingsBase(projectRoot: string | undefined): string | undefined {
    const folder = projectRoot ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(projectRoot)) : vscode.workspace.workspaceFolders?.[0];
    return folder?.uri.fsPath;
}

/** A folder path, or "image:REF" — from a CodeLens or the Explorer (folder URI), an Images view row, a reference, or a pick. */
async function targetOf(arg: unknown): Promise<string | undefined> {
    if (arg instanceof vscode.Uri) {
        return arg.fsPath;
    }
    if (typeof arg === 'string' && arg !== '') {
        return arg.startsWith('image:') ? arg : `image:${arg}`;
    }
    const row = imageTargets(arg, undefined)[0];
    if (row) {
        return `image:${row.dangling ? row.id : row.name}`;
    }
    const imageRef = typeof arg === 'object' && arg !== null ? (arg as { imageRef?: unknown }).imageRef : undefined;
    if (typeof imageRef === 'string') {
        return `image:${imageRef}`;
    }
    return (await pickWorkspaceFolder(undefined, vscode.l10n.t('Run which folder in a sandbox?')))?.fsPath;
}
