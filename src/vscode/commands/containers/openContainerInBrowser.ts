import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { itemValue } from '../../views/EngineTreeProvider';
import type { ContainerNode } from '../../views/containersView';

/** Parity: Open in Browser — a published TCP port of the container (asks which when there are several). */
export async function openContainerInBrowser(_deps: ExtensionDeps, node?: unknown): Promise<void> {
    const value = itemValue<ContainerNode>(node);
    if (!value) {
        return;
    }
    const ports = (value.kind === 'port' ? [value.port] : value.row.ports).filter((port) => port.url !== undefined);
    const picked =
        ports.length > 1
            ? (
                  await vscode.window.showQuickPick(
                      ports.map((port) => ({
                          label: port.url ?? '',
                          description: `→ ${port.containerPort}/${port.protocol}`,
                      })),
                      { title: vscode.l10n.t('Open which port of {0}?', value.row.name) },
                  )
              )?.label
            : ports[0]?.url;
    if (picked) {
        await vscode.env.openExternal(vscode.Uri.parse(picked));
    }
}
