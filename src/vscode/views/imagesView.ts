import * as vscode from 'vscode';
import { formatBytes } from '../../core/formatBytes';
import { formatAge } from '../../core/formatAge';
import { imageRows, type ImageRow } from '../../core/images/imageRows';
import type { EngineViewSpec } from './EngineTreeProvider';

/** The Images view: every image the engine holds, one row per tag; Parity's builds first, untagged leftovers last. */
export const imagesView: EngineViewSpec<ImageRow> = {
    id: 'parity.images',
    load: async (client, signal) => imageRows(await client.listImages(signal)),
    render: (row) => {
        const item = new vscode.TreeItem(row.name);
        item.id = `${row.id}|${row.name}`;
        item.description = `${formatBytes(row.size)} · ${formatAge(row.created * 1000, Date.now())}`;
        item.tooltip = new vscode.MarkdownString([
            `**${row.name}**`,
            `ID: \`${row.id.replace('sha256:', '').slice(0, 12)}\``,
            `Size: ${formatBytes(row.size)}`,
            `Created: ${new Date(row.created * 1000).toISOString()}`,
            ...Object.entries(row.labels).map(([key, value]) => `\`${key}\` = ${value}`),
        ].join('\n\n'));
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = row.parity ? 'parityImage' : row.dangling ? 'danglingImage' : 'image';
        return item;
    },
    emptyLabel: (address) => vscode.l10n.t('No images on {0}', address),
};
