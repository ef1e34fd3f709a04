import * as vscode from 'vscode';
import type { EngineSelection } from '../../../core/selectEngine';
import { dockerCliEngineArgs } from '../../../engine/dockerCliEngineArgs';
import { findOnPath } from '../../../targets/host/findOnPath';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { targetOfNode } from '../../views/TargetsTreeProvider';

/**
 * Open Shell (container targets): a terminal running `docker --host ADDRESS [TLS flags] exec -it NAME sh` on
 * the engine the target lives on — the docker CLI's own interactive terminal, attached. Without the docker
 * CLI on PATH it says so instead. Over ssh the CLI uses the system's `ssh` and its keys, not Parity's
 * PARITY_SSH_* settings.
 */
export async function openTargetShell(deps: ExtensionDeps, node?: unknown): Promise<vscode.Terminal | undefined> {
    const saved = targetOfNode(node);
    if (saved?.target.kind !== 'container') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Parity: Open Shell works on container targets.'));
        return undefined;
    }
    const docker = findOnPath('docker', process.env);
    if (!docker) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Parity: Open Shell needs the docker CLI, and there is none on PATH. Install it (Debian: apt-get install docker.io; elsewhere Docker Desktop or docker-ce-cli), then try again.',
            ),
        );
        return undefined;
    }
    let selection: EngineSelection;
    try {
        selection = (await deps.targetEngines.client(saved.target.engine)).selection;
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)),
        );
        return undefined;
    }
    const args = [...dockerCliEngineArgs(selection), 'exec', '-it', saved.target.name, 'sh'];
    deps.log.info(`Targets: shell in ${saved.text}: ${docker} ${args.join(' ')}`);
    const terminal = vscode.window.createTerminal({
        name: vscode.l10n.t('Parity: {0}', saved.name),
        shellPath: docker,
        shellArgs: args,
        iconPath: new vscode.ThemeIcon('terminal'),
        // --host says where; variables that would say otherwise (or ask the CLI for a context) are cleared.
        env: { DOCKER_HOST: null, DOCKER_CONTEXT: null, DOCKER_TLS_VERIFY: null, DOCKER_CERT_PATH: null },
    });
    terminal.show();
    return terminal;
}
