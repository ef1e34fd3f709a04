import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { formatAge } from '../../core/formatAge';
import type { EngineViewSpec } from './EngineTreeProvider';

/** The Containers view: every container, running ones first. */
export const containersView: EngineViewSpec<Docker.ContainerInfo> = {
    id: 'parity.containers',
    load: async (client, signal) => [...await client.listContainers(signal)].sort(
        (a, b) => Number(b.State === 'running') - Number(a.State === 'running') || b.Created - a.Created),
    render: (container) => {
        const name = container.Names[0]?.replace(/^\//, '') ?? container.Id.slice(0, 12);
        const item = new vscode.TreeItem(name);
        item.id = container.Id;
        const ports = container.Ports
            .filter((port) => port.PublicPort)
            .map((port) => `${port.IP ?? ''}:${port.PublicPort}→${port.PrivatePort}`);
        item.description = [container.Image, container.Status, ...ports].join(' · ');
        item.tooltip = new vscode.MarkdownString([
            `**${name}**`,
            `Image: ${container.Image}`,
            `State: ${container.State} (${container.Status})`,
            `Created: ${formatAge(container.Created * 1000, Date.now())}`,
            ...(ports.length > 0 ? [`Ports: ${ports.join(', ')}`] : []),
        ].join('\n\n'));
        const running = container.State === 'running';
        item.iconPath = new vscode.ThemeIcon(running ? 'vm-running' : 'vm-outline', running ? new vscode.ThemeColor('charts.green') : undefined);
        item.contextValue = running ? 'runningContainer' : 'stoppedContainer';
        return item;
    },
    emptyLabel: (address) => vscode.l10n.t('No containers on {0}', address),
};
