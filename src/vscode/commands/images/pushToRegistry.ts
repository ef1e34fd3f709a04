import * as vscode from 'vscode';
import { formatBytes } from '../../../core/formatBytes';
import { parseImageReference, repositoryOf } from '../../../core/images/imageReference';
import { registryHostOf } from '../../../core/images/registryAuth';
import type { PushProgress } from '../../../engine/images/pushImage';
import { abortSignalFor } from '../../abortSignalFor';
import { readPushRegistry } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { showError } from '../engineAction';
import { IMAGES_VIEW, imageTargets } from './imageTargets';

/** Where the registry of the last push is remembered (the user's global state: it is about them, not a project). */
export const LAST_PUSH_REGISTRY = 'parity.push.lastRegistry';

/**
 * Parity: Push to Registry… — asks where (proposing the last registry pushed to, else `parity.push.registry`,
 * with the image's own name and tag), tags the image so and has the engine push it, with the Docker config's
 * credentials for that registry (never shown or logged). Progress in a notification, cancellable. Arguments: an
 * Images row, or an image reference; and the target reference to skip the question. Returns the pushed reference.
 */
export async function pushToRegistry(
    deps: ExtensionDeps,
    node?: unknown,
    targetArg?: unknown,
): Promise<string | undefined> {
    const row =
        typeof node === 'string'
            ? { name: node, id: node, dangling: false, repository: node, tag: '' }
            : imageTargets(node, undefined)[0];
    if (!row) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Parity: pick an image in the Images view to push it.'));
        return undefined;
    }
    const source = row.dangling ? row.id : row.name;
    const target =
        typeof targetArg === 'string' ? targetArg : await askTarget(deps, row.dangling ? undefined : row.name);
    if (!target) {
        return undefined;
    }
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const registry = registryHostOf(target);
        const auth = await pipeline.readRegistryAuth(registry, process.env);
        deps.log.info(
            `Push: ${source} → ${target} (${auth ? "with the Docker config's credentials" : 'without credentials'})`,
        );
        const result = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t('Parity: pushing {0}', target),
                cancellable: true,
            },
            async (progress, token) => {
                const client = await deps.engine.client();
                const layers = new Map<string, { current: number; total: number }>();
                return pipeline.pushImage(client, source, target, {
                    ...(auth ? { auth } : {}),
                    signal: abortSignalFor(token),
                    onProgress: (line) => progress.report({ message: progressText(line, layers) }),
                });
            },
        );
        await deps.memory.update(LAST_PUSH_REGISTRY, registryPart(target));
        deps.engineViews.find((view) => view.id === IMAGES_VIEW)?.refresh();
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'Parity: pushed {0}{1}.',
                result.ref,
                result.digest ? ` (${result.digest.slice(0, 19)})` : '',
            ),
        );
        return result.ref;
    } catch (error) {
        if (isAbortError(error) || (error as { kind?: unknown } | null)?.kind === 'cancelled') {
            return undefined;
        }
        deps.log.error(error instanceof Error ? error : String(error));
        showError(deps, vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
    }
}

async function askTarget(deps: ExtensionDeps, name: string | undefined): Promise<string | undefined> {
    const registry = deps.memory.get<string>(LAST_PUSH_REGISTRY) ?? readPushRegistry();
    const own = name ? parseImageReference(name) : undefined;
    // The image's own path without its registry, under the proposed one: app:1 → 127.0.0.1:5000/app:1.
    const path = own ? `${own.path}:${own.tag ?? 'latest'}` : '';
    const value = registry && path ? `${registry}/${path}` : (name ?? '');
    return vscode.window
        .showInputBox({
            title: vscode.l10n.t('Push {0} to…', name ?? vscode.l10n.t('the image')),
            prompt: vscode.l10n.t('The reference to push as: registry/repository:tag (the image is tagged so first).'),
            value,
            ...(registry && path ? { valueSelection: [registry.length + 1, value.length] as [number, number] } : {}),
            ignoreFocusOut: true,
            validateInput: (text) => {
                try {
                    const reference = parseImageReference(text.trim());
                    return reference.digest === undefined ? undefined : vscode.l10n.t('Push to a tag, not a digest.');
                } catch (error) {
                    return error instanceof Error ? error.message : String(error);
                }
            },
        })
        .then((text) => text?.trim() || undefined);
}

/** `host[:port][/namespace]` of a reference: what the next push proposes again. */
function registryPart(target: string): string {
    const repository = repositoryOf(parseImageReference(target));
    const slash = repository.lastIndexOf('/');
    return slash < 0 ? '' : repository.slice(0, slash);
}

/** "layer 3f2a…: Pushing 12 MB / 40 MB", or the engine's status line as it is. */
function progressText(line: PushProgress, layers: Map<string, { current: number; total: number }>): string {
    if (line.id && line.progressDetail?.total) {
        layers.set(line.id, { current: line.progressDetail.current ?? 0, total: line.progressDetail.total });
        const sum = [...layers.values()].reduce(
            (acc, layer) => ({ current: acc.current + layer.current, total: acc.total + layer.total }),
            { current: 0, total: 0 },
        );
        return `${formatBytes(sum.current)} / ${formatBytes(sum.total)}`;
    }
    return [line.id, line.status].filter(Boolean).join(': ');
}
