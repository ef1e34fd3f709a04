import * as vscode from 'vscode';
import { retryEngine } from './commands/engine/retryEngine';
import { showEngineStatus } from './commands/engine/showEngineStatus';
import { packageApp } from './commands/package/packageApp';
import { snapshotEnvironment } from './commands/snapshot/snapshotEnvironment';
import type { ExtensionDeps } from './ExtensionDeps';

type Handler = (deps: ExtensionDeps, ...args: unknown[]) => unknown;

/** Every command Parity contributes, in one table; package.json#contributes.commands lists the same ids. */
const COMMANDS: Readonly<Record<string, Handler>> = {
    'parity.engine.showStatus': showEngineStatus,
    'parity.engine.retry': retryEngine,
    'parity.snapshot.capture': snapshotEnvironment,
    'parity.app.package': packageApp,
    'parity.log.show': (deps) => deps.log.show(),
    'parity.images.refresh': (deps) => deps.engineViews.find((view) => view.id === 'parity.images')?.refresh(),
    'parity.containers.refresh': (deps) => deps.engineViews.find((view) => view.id === 'parity.containers')?.refresh(),
};

export function registerCommands(deps: ExtensionDeps): vscode.Disposable[] {
    return Object.entries(COMMANDS).map(([id, handler]) =>
        vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

export const COMMAND_IDS: readonly string[] = Object.keys(COMMANDS);
