import * as vscode from 'vscode';
import { currentOwner, ownerLabel } from '../../../core/sandbox/sandboxOwner';
import { readSandboxSettings, readSandboxTarget } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { recipePlanOptions } from '../../recipePlanOptions';
import { imageTargets } from '../images/imageTargets';
import type { SandboxRow } from '../../../core/sandbox/sandboxRows';
import { type RunResult, sandboxInTerminal } from './sandboxInTerminal';

export type { RunResult } from './sandboxInTerminal';

/**
 * Parity: Run in Sandbox — a project folder (packaged first when its image is missing or stale) or an image,
 * run locked down with the cloud's limits. Output streams into a terminal; "Ready at …" offers Open in
 * Browser; an exit says why in plain words (memory limit, process limit, exit code with the last lines).
 * Closing the terminal stops and removes the sandbox. Resolves once the app is ready or has ended.
 * `process` (a Procfile lens): run that process's command instead of the image's; nothing waits for a port.
 */
export async function runInSandbox(
    deps: ExtensionDeps,
    arg?: unknown,
    procfileProcess?: unknown,
): Promise<RunResult | undefined> {
    const target = await targetOf(arg);
    if (!target) {
        return undefined;
    }
    const chosen = processOf(procfileProcess);
    const name = `${target.startsWith('image:') ? target.slice('image:'.length) : (target.split(/[\\/]/).pop() ?? target)}${chosen ? ` (${chosen.process})` : ''}`;
    if (target.startsWith('image:') || chosen) {
        return startInTerminal(deps, target, name, chosen);
    }
    // One app, one sandbox: a project whose sandbox already runs, or is starting in this window (a second click
    // while the first still packages), is shown, not started a second time on another port.
    let terminal: vscode.Terminal | undefined;
    const started = deps.sandboxes.beginStart(target, () => terminal?.show());
    if (!started) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Parity: the sandbox of {0} is starting already.', name),
        );
        return undefined;
    }
    try {
        const running = await runningSandboxOf(deps, target);
        if (running) {
            return offerRunning(deps, target, running);
        }
        return await startInTerminal(deps, target, name, undefined, (shown) => (terminal = shown));
    } finally {
        started();
    }
}

/** Packages (for a folder) and starts the sandbox in a terminal of its own. */
function startInTerminal(
    deps: ExtensionDeps,
    target: string,
    name: string,
    chosen: { process: string; command: string } | undefined,
    onTerminal?: (terminal: vscode.Terminal) => void,
): Promise<RunResult | undefined> {
    return sandboxInTerminal(deps, {
        name,
        ...(onTerminal ? { onTerminal } : {}),
        ...(chosen ? { worker: `${chosen.process}: ${chosen.command}` } : {}),
        start: async ({ pipeline, client, signal, terminal }) => {
            const projectRoot = target.startsWith('image:') ? undefined : target;
            const settings = await readSandboxSettings(projectRoot, pipeline.readProjectDotenv);
            const targetSpec = readSandboxTarget(projectRoot);
            // Limits parity: the target's memory, CPUs, ulimits and user win over the settings.
            const base = settingsBase(projectRoot);
            const limitsFrom =
                targetSpec === undefined
                    ? undefined
                    : await pipeline.loadSandboxTarget(client, targetSpec, {
                          log: deps.log,
                          toolVersion: deps.version,
                          signal,
                          ...(base ? { base } : {}),
                      });
            return vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Window,
                    title: vscode.l10n.t('Parity: starting a sandbox for {0}', name),
                },
                () =>
                    pipeline.runSandbox(client, target, {
                        // The owner label lets the next window find this sandbox if this one is killed.
                        settings: { ...settings, ownerLabel: ownerLabel(currentOwner()) },
                        ...(chosen ? { command: ['/bin/sh', '-c', chosen.command] } : {}),
                        ...(limitsFrom ? { target: limitsFrom } : {}),
                        plan: recipePlanOptions(),
                        log: deps.log,
                        toolVersion: deps.version,
                        signal,
                        onBuildEvent: (event) => terminal.build(event),
                        onEvent: (event) => terminal.sandbox(event),
                    }),
            );
        },
    });
}

/**
 * The project's sandbox that runs now, found by its labels (purpose sandbox, the project's folder) — whichever
 * window or `parity run` started it. Undefined when there is none or the engine cannot say (then a new one starts
 * and the engine's own error, if any, is shown there).
 */
async function runningSandboxOf(deps: ExtensionDeps, projectRoot: string): Promise<SandboxRow | undefined> {
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const rows = await pipeline.listSandboxes(await deps.engine.client());
        return rows.find((row) => row.project === projectRoot && row.state === 'running');
    } catch (error) {
        deps.log.debug(
            `Run in Sandbox: running sandboxes not listed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return undefined;
    }
}

/**
 * Shows the running sandbox — its terminal when this window started it, its log otherwise — and offers Restart
 * (stop and remove it, then run the project afresh, packaged again when it changed). Resolves at once with the
 * running one; the offer is answered in the background.
 */
function offerRunning(deps: ExtensionDeps, projectRoot: string, running: SandboxRow): RunResult {
    if (!deps.sandboxes.show(running.name)) {
        deps.containerLogs.show(running.id, running.name);
    }
    const project = projectRoot.split(/[\\/]/).filter(Boolean).pop() ?? projectRoot;
    const restart = vscode.l10n.t('Restart');
    const open = vscode.l10n.t('Open in Browser');
    const message = running.url
        ? vscode.l10n.t('Parity: {0} already runs in a sandbox at {1}.', project, running.url)
        : vscode.l10n.t('Parity: {0} already runs in a sandbox.', project);
    void vscode.window.showInformationMessage(message, restart, ...(running.url ? [open] : [])).then(async (choice) => {
        if (choice === open && running.url) {
            await vscode.env.openExternal(vscode.Uri.parse(running.url));
        } else if (choice === restart) {
            await restartSandbox(deps, projectRoot, running);
        }
    });
    return { name: running.name, url: running.url, alreadyRunning: true };
}

async function restartSandbox(deps: ExtensionDeps, projectRoot: string, running: SandboxRow): Promise<void> {
    try {
        if (!(await deps.sandboxes.stop(running.name))) {
            const pipeline = await import('../../lazy/pipelineModule');
            await pipeline.stopSandboxNamed(await deps.engine.client(), running.id);
        }
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Parity: {0} was not stopped: {1}',
                running.name,
                error instanceof Error ? error.message : String(error),
            ),
        );
        return;
    }
    await vscode.commands.executeCommand('parity.sandbox.run', vscode.Uri.file(projectRoot));
}

/** The Procfile process a lens asked for: its name and command line. */
function processOf(value: unknown): { process: string; command: string } | undefined {
    const candidate =
        typeof value === 'object' && value !== null ? (value as { process?: unknown; command?: unknown }) : {};
    return typeof candidate.process === 'string' &&
        typeof candidate.command === 'string' &&
        candidate.command.trim() !== ''
        ? { process: candidate.process, command: candidate.command }
        : undefined;
}

/** Where a relative path in the settings starts: the workspace folder the setting belongs to. */
function settingsBase(projectRoot: string | undefined): string | undefined {
    const folder = projectRoot
        ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(projectRoot))
        : vscode.workspace.workspaceFolders?.[0];
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
