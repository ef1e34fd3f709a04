import * as vscode from 'vscode';
import { copyContainerId } from './commands/containers/copyContainerId';
import { inspectContainer } from './commands/containers/inspectContainer';
import { openContainerInBrowser } from './commands/containers/openContainerInBrowser';
import { removeContainer } from './commands/containers/removeContainer';
import { restartContainer } from './commands/containers/restartContainer';
import { showContainerLogs } from './commands/containers/showContainerLogs';
import { stopContainer } from './commands/containers/stopContainer';
import { diffWithTarget } from './commands/diff/diffWithTarget';
import { retryEngine } from './commands/engine/retryEngine';
import { showEngineStatus } from './commands/engine/showEngineStatus';
import { copyImageId } from './commands/images/copyImageId';
import { copyImageName } from './commands/images/copyImageName';
import { inspectImage } from './commands/images/inspectImage';
import { removeImage } from './commands/images/removeImage';
import { buildDockerfile } from './commands/package/buildDockerfile';
import { packageApp } from './commands/package/packageApp';
import { runInSandbox } from './commands/sandbox/runInSandbox';
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
    'parity.images.inspect': inspectImage,
    'parity.images.remove': removeImage,
    'parity.images.copyId': copyImageId,
    'parity.images.copyName': copyImageName,
    'parity.containers.stop': stopContainer,
    'parity.containers.restart': restartContainer,
    'parity.containers.remove': removeContainer,
    'parity.containers.logs': showContainerLogs,
    'parity.containers.inspect': inspectContainer,
    'parity.containers.openInBrowser': openContainerInBrowser,
    'parity.containers.copyId': copyContainerId,
    'parity.sandbox.run': runInSandbox,
    'parity.diff.withTarget': diffWithTarget,
    'parity.dockerfile.build': buildDockerfile,
};

export function registerCommands(deps: ExtensionDeps): vscode.Disposable[] {
    return Object.entries(COMMANDS).map(([id, handler]) =>
        vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

export const COMMAND_IDS: readonly string[] = Object.keys(COMMANDS);
