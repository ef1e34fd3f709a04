import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/EngineClient';
import { isEngineError } from '../../engine/EngineError';
import type { Logger } from '../../core/Logger';
import type { EngineConnection } from '../EngineConnection';

/** A row of an engine-backed view: a real item, or one message node (empty list, engine down). */
export type EngineNode<T> =
    | { readonly kind: 'item'; readonly value: T }
    | { readonly kind: 'message'; readonly item: vscode.TreeItem };

/** A command's tree-node argument, narrowed: the value of an item node, else undefined. */
export function itemValue<T>(candidate: unknown): T | undefined {
    const node = candidate as { kind?: unknown; value?: unknown } | null | undefined;
    return node?.kind === 'item' ? (node.value as T) : undefined;
}

export interface EngineViewSpec<T> {
    readonly id: string;
    /** The top-level rows, from one engine request. */
    readonly load: (client: EngineClient, signal: AbortSignal) => Promise<readonly T[]>;
    /** Rows under a row, from what `load` returned (no engine request). */
    readonly childrenOf?: (value: T) => readonly T[];
    readonly render: (value: T, nowMs: number) => vscode.TreeItem;
    /** The hover text, built only when the pointer rests on the row (most rows are never hovered). */
    readonly tooltip?: (value: T, nowMs: number) => vscode.MarkdownString | string | undefined;
    /** Shown as the only node when the engine answered with nothing. */
    readonly emptyLabel: (address: string) => string;
    /** A first row that leads on to the next step when the rows lack something of Parity's (see leadOnItems). */
    readonly leadOn?: (values: readonly T[]) => vscode.TreeItem | undefined;
}

/**
 * A view of something the engine lists. It loads only when VS Code asks for children — that is, when the
 * view is visible — and turns an unreachable engine into a single "Retry" node.
 */
export class EngineTreeProvider<T> implements vscode.TreeDataProvider<EngineNode<T>>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly loadingRoot = new vscode.EventEmitter<void>();
    /** VS Code asked for the top level: the view is on screen. */
    readonly onWillLoad = this.loadingRoot.event;
    private readonly subscription: vscode.Disposable;
    /** Loads still running; a new load does not cut an older one short (VS Code waits for it before asking again). */
    private readonly loads = new Set<AbortController>();

    constructor(
        private readonly spec: EngineViewSpec<T>,
        private readonly engine: EngineConnection,
        private readonly log: Logger,
    ) {
        // Reload when the engine comes back or the settings point elsewhere; a failure never triggers a reload.
        this.subscription = engine.onDidChangeState((state) => {
            if (state.kind !== 'unreachable') {
                this.refresh();
            }
        });
    }

    get id(): string {
        return this.spec.id;
    }

    refresh(): void {
        this.changed.fire();
    }

    getTreeItem(node: EngineNode<T>): vscode.TreeItem {
        return node.kind === 'item' ? this.spec.render(node.value, Date.now()) : node.item;
    }

    resolveTreeItem(item: vscode.TreeItem, node: EngineNode<T>): vscode.TreeItem {
        if (node.kind === 'item' && item.tooltip === undefined) {
            item.tooltip = this.spec.tooltip?.(node.value, Date.now());
        }
        return item;
    }

    async getChildren(node?: EngineNode<T>): Promise<EngineNode<T>[]> {
        if (node) {
            return node.kind === 'item' ? (this.spec.childrenOf?.(node.value) ?? []).map(item) : [];
        }
        this.loadingRoot.fire();
        const controller = new AbortController();
        this.loads.add(controller);
        try {
            const client = await this.engine.client();
            const values = await this.spec.load(client, controller.signal);
            const lead = this.spec.leadOn?.(values);
            const leading: EngineNode<T>[] = lead ? [{ kind: 'message', item: lead }] : [];
            if (values.length === 0) {
                return [...leading, message(this.spec.emptyLabel(client.address), 'info')];
            }
            return [...leading, ...values.map(item)];
        } catch (error) {
            this.engine.reportFailure(error);
            this.log.warn(`${this.spec.id}: ${error instanceof Error ? error.message : String(error)}`);
            return [unreachableNode(error)];
        } finally {
            this.loads.delete(controller);
        }
    }

    dispose(): void {
        for (const load of this.loads) {
            load.abort();
        }
        this.subscription.dispose();
        this.loadingRoot.dispose();
        this.changed.dispose();
    }
}

function item<T>(value: T): EngineNode<T> {
    return { kind: 'item', value };
}

function message(label: string, icon: string): EngineNode<never> {
    const item = new vscode.TreeItem(label);
    item.iconPath = new vscode.ThemeIcon(icon);
    item.contextValue = 'message';
    return { kind: 'message', item };
}

function unreachableNode(error: unknown): EngineNode<never> {
    const text = error instanceof Error ? error.message : String(error);
    const address = isEngineError(error) && error.address ? error.address : undefined;
    const item = new vscode.TreeItem(
        address
            ? vscode.l10n.t('Docker not reachable at {0} — Retry', address)
            : vscode.l10n.t('Docker not reachable — Retry'),
    );
    item.tooltip = text;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = { command: 'parity.engine.retry', title: vscode.l10n.t('Retry') };
    item.contextValue = 'engineUnreachable';
    return { kind: 'message', item };
}
