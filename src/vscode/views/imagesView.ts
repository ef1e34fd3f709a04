import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { formatBytes } from '../../core/formatBytes';
import { formatAge } from '../../core/formatAge';
import type { EngineViewSpec } from './EngineTreeProvider';

/** The Images view: every image the engine holds, one row per tag, newest first. */
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
        item.contextValue = row.labels['parity.plan'] ? 'parityImage' : 'image';
        return item;
    },
    emptyLabel: (address) => vscode.l10n.t('No images on {0}', address),
};

export interface ImageRow {
    readonly id: string;
    readonly name: string;
    readonly size: number;
    readonly created: number;
    readonly labels: Readonly<Record<string, string>>;
}

/** One row per repo:tag (an untagged image gets one `<none>` row), newest first. */
export function imageRows(images: readonly Docker.ImageInfo[]): ImageRow[] {
    return images
        .flatMap((image) => {
            const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
            const names = tags.length > 0 ? tags : [`<none> (${image.Id.replace('sha256:', '').slice(0, 12)})`];
            return names.map((name) => ({ id: image.Id, name, size: image.Size, created: image.Created, labels: image.Labels ?? {} }));
        })
        .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
}
