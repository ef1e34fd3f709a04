import * as vscode from 'vscode';
import {
    containerContextValue,
    containerRows,
    type ContainerRow,
    type ContainerState,
    type PublishedPort,
} from '../../core/containers/containerRows';
import { publishedPortHost } from '../../core/containers/publishedPortHost';
import { formatAge } from '../../core/formatAge';
import { shortId } from '../../core/images/imageRows';
import { ImageLabelCache } from '../../engine/sandbox/ImageLabelCache';
import type { EngineViewSpec } from './EngineTreeProvider';
import { labelsMarkdown } from './labelsMarkdown';
import { runInSandboxLeadOn } from './leadOnItems';

/** A node of the Containers view: a container, or one of its published ports (a click opens it). */
export type ContainerNode =
    | { readonly kind: 'container'; readonly row: ContainerRow }
    | { readonly kind: 'port'; readonly row: ContainerRow; readonly port: PublishedPort };

/** Lives as long as the window: a sandbox's image is looked at once, not on every refresh. */
const imageLabels = new ImageLabelCache();

/** The Containers view: Parity's sandboxes first, then every other container; live ones before stopped ones. */
export const containersView: EngineViewSpec<ContainerNode> = {
    id: 'parity.containers',
    load: async (client, signal) => {
        const containers = await client.listContainers(signal);
        const options = {
            publishHost: publishedPortHost(client.selection.address),
            imageLabels: await imageLabels.forContainers(client, containers, signal),
        };
        return containerRows(containers, options).map((row) => ({ kind: 'container', row }));
    },
    childrenOf: (node) =>
        node.kind === 'container' ? node.row.ports.map((port) => ({ kind: 'port', row: node.row, port })) : [],
    render: (node, nowMs) =>
        node.kind === 'container' ? containerItem(node.row, nowMs) : portItem(node.row, node.port),
    tooltip: (node, nowMs) => (node.kind === 'container' ? containerTooltip(node.row, nowMs) : undefined),
    emptyLabel: (address) => vscode.l10n.t('No containers on {0}', address),
    leadOn: (nodes) =>
        runInSandboxLeadOn(
            nodes.flatMap((node) => (node.kind === 'container' && node.row.sandbox ? [node.row.project] : [])),
        ),
};

const ICONS: Readonly<Record<ContainerState, [string, string?]>> = {
    running: ['vm-running', 'charts.green'],
    paused: ['debug-pause', 'charts.yellow'],
    restarting: ['sync~spin', 'charts.orange'],
    created: ['circle-outline'],
    exited: ['vm-outline'],
    dead: ['error', 'charts.red'],
    removing: ['trash'],
    unknown: ['question'],
};

function containerItem(row: ContainerRow, nowMs: number): vscode.TreeItem {
    // A sandbox reads as the app it runs — the project (or the image it was started from) and its state — at the
    // default sidebar width; its generated container name is in the tooltip.
    const label = row.sandbox ? sandboxLabel(row) : row.name;
    const item = new vscode.TreeItem(
        label,
        row.ports.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `container:${row.id}`;
    item.description = (
        row.sandbox
            ? [stateText(row), ...row.ports.map((port) => port.address), formatAge(row.created * 1000, nowMs)]
            : [
                  row.image,
                  ...row.ports.map((port) => port.address),
                  stateText(row),
                  formatAge(row.created * 1000, nowMs),
              ]
    ).join(' · ');
    const [icon, color] =
        row.state === 'exited' && row.exitCode !== undefined && row.exitCode !== 0
            ? ['vm-outline', 'charts.red']
            : ICONS[row.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = containerContextValue(row);
    item.accessibilityInformation = {
        label: vscode.l10n.t(
            '{0}, {1}',
            row.sandbox ? vscode.l10n.t('sandbox of {0}', label) : label,
            item.description,
        ),
    };
    return item;
}

/** The project folder's name, else the image the sandbox was started from (its `parity.image` label). */
function sandboxLabel(row: ContainerRow): string {
    if (row.project) {
        return row.project.split(/[\\/]/).filter(Boolean).pop() ?? row.project;
    }
    return row.labels['parity.image'] ?? row.image;
}

function stateText(row: ContainerRow): string {
    return row.state === 'exited' && row.exitCode !== undefined
        ? vscode.l10n.t('exited ({0})', row.exitCode)
        : row.state;
}

function portItem(row: ContainerRow, port: PublishedPort): vscode.TreeItem {
    const item = new vscode.TreeItem(port.address);
    item.id = `port:${row.id}:${port.hostPort}/${port.protocol}`;
    item.description = `→ ${port.containerPort}/${port.protocol}`;
    item.iconPath = new vscode.ThemeIcon(port.url ? 'globe' : 'plug');
    item.contextValue = port.url ? 'containerPort;url' : 'containerPort';
    if (port.url) {
        item.tooltip = vscode.l10n.t('Open {0}', port.url);
        item.command = {
            command: 'vscode.open',
            title: vscode.l10n.t('Open in Browser'),
            arguments: [vscode.Uri.parse(port.url)],
        };
    }
    return item;
}

function containerTooltip(row: ContainerRow, nowMs: number): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown('**').appendText(row.name).appendMarkdown('**');
    if (row.sandbox) {
        md.appendMarkdown(` $(shield) ${vscode.l10n.t('Parity sandbox')}`);
        if (row.project) {
            md.appendMarkdown('  \n').appendText(`${vscode.l10n.t('Project')}: ${row.project}`);
        }
    }
    md.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${shortId(row.id)}`);
    md.appendMarkdown('  \n').appendText(`${vscode.l10n.t('Image')}: ${row.image}`);
    md.appendMarkdown('  \n').appendText(`${vscode.l10n.t('State')}: ${row.state} (${row.status})`);
    if (row.exitCode !== undefined) {
        md.appendMarkdown('  \n').appendText(`${vscode.l10n.t('Exit code')}: ${row.exitCode}`);
    }
    md.appendMarkdown('  \n').appendText(
        `${vscode.l10n.t('Created')}: ${new Date(row.created * 1000).toISOString()} (${formatAge(row.created * 1000, nowMs)})`,
    );
    if (row.ports.length > 0) {
        md.appendMarkdown(`\n\n**${vscode.l10n.t('Ports')}**\n\n`);
        for (const port of row.ports) {
            const target = `${port.containerPort}/${port.protocol}`;
            md.appendMarkdown(port.url ? `[${port.address.replace(/[[\]]/g, '\\$&')}](${port.url}) → ` : '')
                .appendText(port.url ? target : `${port.address} → ${target}`)
                .appendMarkdown('  \n');
        }
    }
    return labelsMarkdown(md, row.labels);
}
