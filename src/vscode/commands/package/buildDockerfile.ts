import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { buildWithProgress } from './buildWithProgress';
import type { PackageResult } from './packageApp';

/** The Dockerfile's "Build" CodeLens: builds that folder's Dockerfile exactly as written. */
export async function buildDockerfile(deps: ExtensionDeps, dockerfile?: unknown): Promise<PackageResult | undefined> {
    const uri = dockerfile instanceof vscode.Uri ? dockerfile : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Parity: open a Dockerfile to build it.'));
        return undefined;
    }
    try {
        const status = await deps.engine.checkStatus();
        return await buildWithProgress(deps, vscode.Uri.joinPath(uri, '..'), status.buildkit, undefined, uri.path.split('/').pop());
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(vscode.l10n.t('Parity: the build could not start: {0}', error instanceof Error ? error.message : String(error)), vscode.l10n.t('Show Log'))
            .then((choice) => choice && deps.log.show());
        return undefined;
    }
}
