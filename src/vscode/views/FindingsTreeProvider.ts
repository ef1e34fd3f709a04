import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/Finding';
import { findingLocation } from '../../core/findings/findingLocation';

interface FindingNode {
    readonly folder: vscode.Uri;
    readonly finding: Finding;
}

const ICON: Readonly<Record<Finding['severity'], vscode.ThemeIcon>> = {
    error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
    info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

/** The Findings view: the latest findings of each project folder; a click opens the line they are about. */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly byFolder = new Map<string, FindingNode[]>();

    set(folder: vscode.Uri, findings: readonly Finding[]): void {
        this.byFolder.set(folder.toString(), findings.map((finding) => ({ folder, finding })));
        this.changed.fire();
    }

    getTreeItem({ folder, finding }: FindingNode): vscode.TreeItem {
        const item = new vscode.TreeItem(finding.message);
        const at = findingLocation(finding);
        item.description = at ? `${at.file}:${at.line}` : finding.facet;
        item.tooltip = new vscode.MarkdownString([
            `**${finding.facet} · ${finding.key}**`,
            finding.message,
            ...(finding.fix ?? []).map((fix) => `Fix (${fix.side} side): ${fix.description}`),
        ].join('\n\n'));
        item.iconPath = ICON[finding.severity];
        item.contextValue = `finding.${finding.facet}`;
        if (at) {
            const line = Math.max(0, at.line - 1);
            item.command = {
                command: 'vscode.open',
                title: vscode.l10n.t('Open'),
                arguments: [vscode.Uri.joinPath(folder, at.file), { selection: new vscode.Range(line, 0, line, 0) }],
            };
        }
        return item;
    }

    getChildren(node?: FindingNode): FindingNode[] {
        return node ? [] : [...this.byFolder.values()].flat();
    }

    dispose(): void {
        this.changed.dispose();
    }
}
