import * as vscode from 'vscode';
import { attachShell } from './commands/containers/attachShell';
import { copyContainerId } from './commands/containers/copyContainerId';
import { copyDockerRun } from './commands/containers/copyDockerRun';
import { inspectContainer } from './commands/containers/inspectContainer';
import { openContainerInBrowser } from './commands/containers/openContainerInBrowser';
import { removeContainer } from './commands/containers/removeContainer';
import { restartContainer } from './commands/containers/restartContainer';
import { showContainerLogs } from './commands/containers/showContainerLogs';
import { stopContainer } from './commands/containers/stopContainer';
import { diffWithTarget } from './commands/diff/diffWithTarget';
import { openReport } from './commands/diff/openReport';
import { showRawSnapshots } from './commands/diff/showRawSnapshots';
import { applyFindingFix } from './commands/findings/applyFindingFix';
import { goToFindingFix } from './commands/findings/goToFindingFix';
import { pruneLeftovers } from './commands/engine/pruneLeftovers';
import { retryEngine } from './commands/engine/retryEngine';
import { showEngineStatus } from './commands/engine/showEngineStatus';
import { copyImageId } from './commands/images/copyImageId';
import { copyImageName } from './commands/images/copyImageName';
import { inspectImage } from './commands/images/inspectImage';
import { pushToRegistry } from './commands/images/pushToRegistry';
import { removeImage } from './commands/images/removeImage';
import { buildDockerfile } from './commands/package/buildDockerfile';
import { packageApp } from './commands/package/packageApp';
import { runInSandbox } from './commands/sandbox/runInSandbox';
import { runLikeTarget } from './commands/sandbox/runLikeTarget';
import { openRawSnapshot } from './commands/snapshot/openRawSnapshot';
import { openSnapshotSummary } from './commands/snapshot/openSnapshotSummary';
import { snapshotEnvironment } from './commands/snapshot/snapshotEnvironment';
import { addTarget } from './commands/targets/addTarget';
import { diffTargetWithProject } from './commands/targets/diffTargetWithProject';
import { openTargetShell } from './commands/targets/openTargetShell';
import { openTargetsConfig } from './commands/targets/openTargetsConfig';
import { refreshTarget } from './commands/targets/refreshTarget';
import { removeTarget } from './commands/targets/removeTarget';
import type { ExtensionDeps } from './ExtensionDeps';
import { refuseInRestrictedMode } from './refuseInRestrictedMode';

type Handler = (deps: ExtensionDeps, ...args: unknown[]) => unknown;

interface Command {
    readonly run: Handler;
    /**
     * Runs the project's code or reads its settings (toolchains, builds, the app, a target it names): refused
     * in Restricted Mode, where Parity only shows what the engine has and analyses files statically.
     */
    readonly needsTrust?: true;
}

/** Every command Parity contributes, in one table; package.json#contributes.commands lists the same ids. */
const COMMANDS: Readonly<Record<string, Command>> = {
    'parity.engine.showStatus': { run: showEngineStatus },
    'parity.engine.retry': { run: retryEngine },
    'parity.snapshot.capture': { run: snapshotEnvironment, needsTrust: true },
    'parity.snapshot.open': { run: openSnapshotSummary },
    'parity.snapshot.openRaw': { run: openRawSnapshot },
    'parity.app.package': { run: packageApp, needsTrust: true },
    'parity.log.show': { run: (deps) => deps.log.show() },
    'parity.images.refresh': { run: (deps) => deps.engineViews.find((view) => view.id === 'parity.images')?.refresh() },
    'parity.containers.refresh': {
        run: (deps) => deps.engineViews.find((view) => view.id === 'parity.containers')?.refresh(),
    },
    'parity.images.inspect': { run: inspectImage },
    'parity.images.remove': { run: removeImage },
    'parity.images.copyId': { run: copyImageId },
    'parity.images.copyName': { run: copyImageName },
    'parity.containers.stop': { run: stopContainer },
    'parity.containers.restart': { run: restartContainer },
    'parity.containers.remove': { run: removeContainer },
    'parity.containers.logs': { run: showContainerLogs },
    'parity.containers.inspect': { run: inspectContainer },
    'parity.containers.openInBrowser': { run: openContainerInBrowser },
    'parity.containers.copyId': { run: copyContainerId },
    'parity.containers.attachShell': { run: attachShell },
    'parity.containers.copyDockerRun': { run: copyDockerRun },
    'parity.images.push': { run: pushToRegistry },
    'parity.engine.prune': { run: pruneLeftovers },
    'parity.sandbox.run': { run: runInSandbox, needsTrust: true },
    'parity.runLikeTarget': { run: runLikeTarget, needsTrust: true },
    'parity.diff.withTarget': { run: diffWithTarget, needsTrust: true },
    'parity.diff.showRawSnapshots': { run: showRawSnapshots },
    'parity.diff.openReport': { run: openReport },
    'parity.findings.applyFix': { run: applyFindingFix, needsTrust: true },
    'parity.findings.goToFix': { run: goToFindingFix },
    'parity.dockerfile.build': { run: buildDockerfile, needsTrust: true },
    'parity.targets.add': { run: addTarget },
    'parity.targets.diffWithProject': { run: diffTargetWithProject, needsTrust: true },
    'parity.targets.refresh': { run: refreshTarget },
    'parity.targets.openShell': { run: openTargetShell },
    'parity.targets.remove': { run: removeTarget },
    'parity.targets.openConfig': { run: openTargetsConfig },
};

/**
 * Every command's handler by id, ready to register: the extension's shell registers the ids package.json
 * contributes (so VS Code knows them before this module is loaded) and forwards each call here.
 */
export function commandHandlers(deps: ExtensionDeps): ReadonlyMap<string, (...args: unknown[]) => unknown> {
    return new Map(
        Object.entries(COMMANDS).map(([id, command]) => [
            id,
            (...args: unknown[]) => {
                // Sandboxes a closed window left behind are offered for removal once, when Parity is first used.
                void deps.orphans.offerOnce();
                if (command.needsTrust && !vscode.workspace.isTrusted) {
                    refuseInRestrictedMode();
                    return undefined;
                }
                return command.run(deps, ...args);
            },
        ]),
    );
}

export const COMMAND_IDS: readonly string[] = Object.keys(COMMANDS);
