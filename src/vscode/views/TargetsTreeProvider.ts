import * as vscode from 'vscode';
import { formatDiffTarget } from '../../core/diff/DiffTarget';
import type { Logger } from '../../core/Logger';
import type { SavedTarget, SavedTargetProblem } from '../../core/savedTargets/SavedTarget';
import { type TargetFact, targetKeyFacts } from '../../core/savedTargets/targetKeyFacts';
import { targetRow } from '../../core/savedTargets/targetRow';
import { readSavedTargets } from '../targets/readSavedTargets';
import type { TargetReachability } from '../targets/TargetReachability';
import type { TargetSnapshots } from '../targets/TargetSnapshots';

/** A node of the Targets view. */
export type TargetNode =
    /** `like`: the target as text, so Run like Target (which takes `{ like }`) accepts the row as it is. */
    | { readonly kind: 'target'; readonly saved: SavedTarget; readonly like: string; readonly capturedAtMs?: number }
    | { readonly kind: 'fact'; readonly saved: SavedTarget; readonly fact: TargetFact }
    | { readonly kind: 'problem'; readonly problem: SavedTargetProblem }
    | { readonly kind: 'message'; readonly item: vscode.TreeItem };

/** A command's tree-node argument, narrowed to a target row. */
export function targetOfNode(candidate: unknown): SavedTarget | undefined {
    const node = candidate as Partial<TargetNode> | null | undefined;
    return node?.kind === 'target' || node?.kind === 'fact' ? node.saved : undefined;
}

/**
 * The Targets view: one row per saved target (settings and .parity/config.json) with whether it answers and
 * how old its last snapshot is, expandable to that snapshot's key facts; invalid entries as rows of their own
 * naming the entry. The rows come from local reads only — the engines are pinged behind them and each row
 * updates alone when its answer arrives, so a dead engine never holds the view up.
 */
export class TargetsTreeProvider implements vscode.TreeDataProvider<TargetNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<TargetNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private rows: Extract<TargetNode, { kind: 'target' }>[] = [];
    private readonly subscriptions: vscode.Disposable[];

    constructor(
        private readonly reachability: TargetReachability,
        private readonly snapshots: TargetSnapshots,
        private readonly log: Logger,
    ) {
        this.subscriptions = [
            vscode.workspace.onDidChangeConfiguration((event) => {
                if (event.affectsConfiguration('parity.targets')) {
                    this.refresh();
                }
            }),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
        ];
        const watcher = vscode.workspace.createFileSystemWatcher('**/.parity/config.json');
        this.subscriptions.push(
            watcher,
            watcher.onDidChange(() => this.refresh()),
            watcher.onDidCreate(() => this.refresh()),
            watcher.onDidDelete(() => this.refresh()),
        );
    }

    readonly id = 'parity.targets';

    /** Re-reads the saved targets; `recheck` also pings every engine again. */
    refresh(recheck = false): void {
        if (recheck) {
            this.reachability.clear();
        }
        this.changed.fire(undefined);
    }

    /** A check finished: only these targets' rows are redrawn. */
    reachabilityChanged(targets: readonly SavedTarget[]): void {
        for (const row of this.rows) {
            if (targets.some((target) => target.name === row.saved.name && target.text === row.saved.text)) {
                this.changed.fire(row);
            }
        }
    }

    getTreeItem(node: TargetNode): vscode.TreeItem {
        switch (node.kind) {
            case 'target':
                return targetItem(node.saved, this.reachability, node.capturedAtMs);
            case 'fact': {
                const item = new vscode.TreeItem(node.fact.label);
                item.description = node.fact.value;
                item.tooltip = `${node.fact.label}: ${node.fact.value}`;
                item.contextValue = 'parityTargetFact';
                return item;
            }
            case 'problem':
                return problemItem(node.problem);
            case 'message':
                return node.item;
        }
    }

    async getChildren(node?: TargetNode): Promise<TargetNode[]> {
        if (node) {
            return node.kind === 'target' ? this.factsOf(node.saved) : [];
        }
        const saved = await readSavedTargets();
        const rows = await Promise.all(
            saved.targets.map(async (target) => {
                const stored = await this.snapshots.get(target);
                return {
                    kind: 'target' as const,
                    saved: target,
                    like: formatDiffTarget(target.target),
                    ...(stored ? { capturedAtMs: stored.capturedAtMs } : {}),
                };
            }),
        );
        this.rows = rows;
        for (const problem of saved.problems) {
            this.log.warn(`Targets: ${describeOrigin(problem.origin)}: ${problem.entry} ${problem.message}`);
        }
        const nodes: TargetNode[] = [
            ...rows,
            ...saved.problems.map((problem) => ({ kind: 'problem' as const, problem })),
        ];
        if (saved.folderTargetsSkipped && nodes.length > 0) {
            nodes.push({ kind: 'message', item: restrictedItem() });
        }
        return nodes;
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.changed.dispose();
    }

    private async factsOf(saved: SavedTarget): Promise<TargetNode[]> {
        const stored = await this.snapshots.get(saved);
        if (!stored) {
            const item = new vscode.TreeItem(vscode.l10n.t('No snapshot yet — Refresh captures one'));
            item.iconPath = new vscode.ThemeIcon('info');
            item.command = {
                command: 'parity.targets.refresh',
                title: vscode.l10n.t('Refresh'),
                arguments: [{ kind: 'target', saved }],
            };
            item.contextValue = 'message';
            return [{ kind: 'message', item }];
        }
        try {
            return targetKeyFacts(stored.snapshot).map((fact) => ({ kind: 'fact', saved, fact }));
        } catch (error) {
            this.log.warn(
                `Targets: the last snapshot of ${saved.name} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
            );
            return [];
        }
    }
}

function targetItem(
    saved: SavedTarget,
    reachability: TargetReachability,
    capturedAtMs: number | undefined,
): vscode.TreeItem {
    const reach = reachability.reachOf(saved);
    const row = targetRow(saved, reach, capturedAtMs, Date.now());
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip.join('\n');
    item.iconPath = new vscode.ThemeIcon(
        row.icon === 'loading' ? 'loading~spin' : row.icon,
        row.color ? new vscode.ThemeColor(`charts.${row.color}`) : undefined,
    );
    item.contextValue = row.contextValue;
    if (reach.kind === 'unreachable' || reach.kind === 'host-key') {
        item.command = {
            command: 'parity.targets.refresh',
            title: vscode.l10n.t('Retry'),
            arguments: [{ kind: 'target', saved }],
        };
    }
    return item;
}

function problemItem(problem: SavedTargetProblem): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Invalid target {0}', problem.entry));
    item.description = problem.message;
    item.tooltip = `${describeOrigin(problem.origin)}: ${problem.entry} ${problem.message}`;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.contextValue = `parityTargetProblem;${problem.origin.kind}`;
    item.command =
        problem.origin.kind === 'config-file'
            ? { command: 'parity.targets.openConfig', title: vscode.l10n.t('Open'), arguments: [problem.origin.file] }
            : {
                  command: 'workbench.action.openSettings',
                  title: vscode.l10n.t('Open Settings'),
                  arguments: ['parity.targets'],
              };
    return item;
}

function restrictedItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t("This folder's own targets show once you trust it"));
    item.iconPath = new vscode.ThemeIcon('shield');
    item.command = { command: 'workbench.trust.manage', title: vscode.l10n.t('Manage Workspace Trust') };
    item.contextValue = 'message';
    return item;
}

export function describeOrigin(origin: SavedTarget['origin']): string {
    switch (origin.kind) {
        case 'user-settings':
            return vscode.l10n.t('user setting parity.targets');
        case 'workspace-settings':
            return vscode.l10n.t('workspace setting parity.targets');
        case 'config-file':
            return origin.file;
    }
}
