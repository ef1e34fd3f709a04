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
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await deps.engine.client();
        const folder = vscode.Uri.joinPath(uri, '..');
        const dockerfileName = uri.path.split('/').pop() ?? 'Dockerfile';
        const tag = pipeline.imageTagFor(folder.fsPath);
        const result = await buildWithProgress(
            deps,
            folder,
            tag,
            (extras) =>
                pipeline.buildProject(client, {
                    projectRoot: folder.fsPath,
                    dockerfile: dockerfileName,
                    tag,
                    builder: status.buildkit ? 'buildkit' : 'classic',
                    log: deps.log,
                    ...extras,
                }),
            dockerfileName,
        );
        return result && { tag: result.tag, imageId: result.imageId };
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window
            .showErrorMessage(
                vscode.l10n.t(
                    'Parity: the build could not start: {0}',
                    error instanceof Error ? error.message : String(error),
                ),
                vscode.l10n.t('Show Log'),
            )
            .then((choice) => choice && deps.log.show());
        return undefined;
    }
}
