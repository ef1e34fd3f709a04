import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/EngineClient';
import { isEngineError } from '../../engine/EngineError';
import type { Logger } from '../../core/Logger';
import type { EngineConnection } from '../EngineConnection';

/** A row of an engine-backed view: a real item, or one message node (empty list, engine down). */
export type EngineNode<T> =
    | { readonly kind: 'item'; readonly value: T }
    | { readonly kind: 'message'; readonly item: vscode.TreeItem };

export interface EngineViewSpec<T> {
    readonly id: string;
    readonly load: (client: EngineClient, signal: AbortSignal) => Promise<readonly T[]>;
    readonly render: (value: T) => vscode.TreeItem;
    /** Shown as the only node when the engine answered with nothing. */
    readonly emptyLabel: (address: string) => string;
}

/**
 * A flat view of something the engine lists. It loads only when VS Code asks for children — that is,
 * when the view is visible — and turns an unreachable engine into a single "Retry" node.
 */
export class EngineTreeProvider<T> implements vscode.TreeDataProvider<EngineNode<T>>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly subscription: vscode.Disposable;
    private loading: AbortController | undefined;

    constructor(private readonly spec: EngineViewSpec<T>, private readonly engine: EngineConnection, private readonly log: Logger) {
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
        return node.kind === 'item' ? this.spec.render(node.value) : node.item;
    }

    async getChildren(node?: EngineNode<T>): Promise<EngineNode<T>[]> {
        if (node) {
            return [];
        }
        this.loading?.abort();
        const controller = new AbortController();
        this.loading = controller;
        try {
            const client = await this.engine.client();
            const values = await this.spec.load(client, controller.signal);
            if (values.length === 0) {
                return [message(this.spec.emptyLabel(client.address), 'info')];
            }
            return values.map((value) => ({ kind: 'item', value }));
        } catch (error) {
            this.engine.reportFailure(error);
            this.log.warn(`${this.spec.id}: ${error instanceof Error ? error.message : String(error)}`);
            return [unreachableNode(error)];
        }
    }

    dispose(): void {
        this.loading?.abort();
        this.subscription.dispose();
        this.changed.dispose();
    }
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
    const item = new vscode.TreeItem(address
        ? vscode.l10n.t('Docker not reachable at {0} — Retry', address)
        : vscode.l10n.t('Docker not reachable — Retry'));
    item.tooltip = text;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = { command: 'parity.engine.retry', title: vscode.l10n.t('Retry') };
    item.contextValue = 'engineUnreachable';
    return { kind: 'message', item };
}
