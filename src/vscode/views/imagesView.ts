import * as vscode from 'vscode';
import { formatAge } from '../../core/formatAge';
import { formatBytes } from '../../core/formatBytes';
import { imageContextValue, type ImageRow, shortId } from '../../core/images/imageRows';
import { imageChildren, imageGroupContextValue, imageTree, type ImageTreeNode } from '../../core/images/imageTree';
import { parityProvenance } from '../../core/images/parityLabels';
import type { EngineViewSpec } from './EngineTreeProvider';
import { labelsMarkdown } from './labelsMarkdown';
import { packageAppLeadOn } from './leadOnItems';

/**
 * The Images view: repositories holding Parity's builds first (expanded), then every other repository with
 * its tags, then the untagged leftovers in one collapsed group.
 */
export const imagesView: EngineViewSpec<ImageTreeNode> = {
    id: 'parity.images',
    load: async (client, signal) => imageTree(await client.listImages(signal)),
    childrenOf: imageChildren,
    render: (node, nowMs) => {
        switch (node.kind) {
            case 'repository': {
                const item = new vscode.TreeItem(
                    node.repository,
                    node.parity ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
                );
                item.id = `repository:${node.repository}`;
                const tags =
                    node.rows.length === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', node.rows.length);
                item.description = node.parity ? vscode.l10n.t('{0} · built by Parity', tags) : tags;
                item.iconPath = new vscode.ThemeIcon(
                    node.parity ? 'package' : 'repo',
                    node.parity ? new vscode.ThemeColor('charts.blue') : undefined,
                );
                item.contextValue = imageGroupContextValue(node);
                return item;
            }
            case 'untagged': {
                const item = new vscode.TreeItem(vscode.l10n.t('Untagged'), vscode.TreeItemCollapsibleState.Collapsed);
                item.id = 'untagged';
                // One row per untagged image, so the sizes add up without counting an image twice.
                const count =
                    node.rows.length === 1 ? vscode.l10n.t('1 image') : vscode.l10n.t('{0} images', node.rows.length);
                item.description = `${count} · ${formatBytes(node.rows.reduce((sum, row) => sum + row.size, 0))}`;
                item.tooltip = vscode.l10n.t(
                    'Images without a tag: leftovers of rebuilds (the tag moved to the new image) and intermediate images.',
                );
                item.iconPath = new vscode.ThemeIcon('circle-slash');
                item.contextValue = imageGroupContextValue(node);
                return item;
            }
            case 'image':
                return imageItem(node.row, nowMs);
        }
    },
    tooltip: (node, nowMs) => (node.kind === 'image' ? imageTooltip(node.row, nowMs) : undefined),
    emptyLabel: (address) => vscode.l10n.t('No images on {0}', address),
    leadOn: (nodes) =>
        packageAppLeadOn(nodes.flatMap((node) => (node.kind === 'repository' && node.parity ? [node.repository] : []))),
};

function imageItem(row: ImageRow, nowMs: number): vscode.TreeItem {
    const item = new vscode.TreeItem(row.dangling ? row.name : row.tag);
    item.id = `image:${row.id}|${row.name}`;
    // A Parity build says when it was built: a cached rebuild keeps the layers' (and the image's) old Created.
    const builtAt = row.parity ? parityProvenance(row.labels).builtAt : undefined;
    item.description = `${formatBytes(row.size)} · ${builtAt === undefined ? formatAge(row.created * 1000, nowMs) : vscode.l10n.t('built by Parity {0}', formatAge(builtAt, nowMs))}`;
    item.iconPath = new vscode.ThemeIcon(
        row.parity ? 'package' : row.dangling ? 'circle-outline' : 'tag',
        row.parity ? new vscode.ThemeColor('charts.blue') : undefined,
    );
    item.contextValue = imageContextValue(row);
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}', row.name, item.description) };
    return item;
}

function imageTooltip(row: ImageRow, nowMs: number): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown('**').appendText(row.name).appendMarkdown('**');
    if (row.parity) {
        md.appendMarkdown(` $(package) ${vscode.l10n.t('built by Parity')}`);
    }
    md.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${row.id}`);
    md.appendMarkdown('  \n').appendText(
        `${vscode.l10n.t('Created')}: ${new Date(row.created * 1000).toISOString()} (${formatAge(row.created * 1000, nowMs)})`,
    );
    md.appendMarkdown('  \n').appendText(`${vscode.l10n.t('Size')}: ${formatBytes(row.size)} · ${shortId(row.id)}`);
    const provenance = parityProvenance(row.labels);
    if (provenance.builtAt !== undefined) {
        md.appendMarkdown('  \n').appendText(
            `${vscode.l10n.t('Built by Parity')}: ${new Date(provenance.builtAt).toISOString()} (${formatAge(provenance.builtAt, nowMs)})`,
        );
    }
    if (provenance.snapshot || provenance.plan) {
        md.appendMarkdown('\n\n---\n\n');
        if (provenance.snapshot) {
            md.appendMarkdown(`$(device-camera) **${vscode.l10n.t('Snapshot')}**: `)
                .appendText(
                    `${provenance.snapshot.source}${provenance.snapshot.capturedAt ? ` @ ${provenance.snapshot.capturedAt}` : ''}`,
                )
                .appendMarkdown('  \n');
        }
        if (provenance.plan) {
            md.appendMarkdown(`$(checklist) **${vscode.l10n.t('Plan')}**: `)
                .appendText(
                    `${provenance.plan}${provenance.ecosystem ? ` (${provenance.ecosystem}${provenance.planVersion ? `, plan format ${provenance.planVersion}` : ''})` : ''}`,
                )
                .appendMarkdown('  \n');
        }
        if (provenance.dockerfile) {
            md.appendMarkdown(`$(file) **${vscode.l10n.t('Dockerfile')}**: `).appendText(provenance.dockerfile);
        }
    }
    labelsMarkdown(md, row.labels);
    return md;
}
