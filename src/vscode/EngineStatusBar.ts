import * as vscode from 'vscode';
import { summarizeEngineStatus } from '../core/EngineStatus';
import type { EngineConnection, EngineState } from './EngineConnection';

/** A status bar item that mirrors the engine state; hidden until something has talked to the engine. */
export class EngineStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem(
        'parity.engineStatus',
        vscode.StatusBarAlignment.Left,
        10,
    );
    private readonly subscription: vscode.Disposable;

    constructor(engine: EngineConnection) {
        this.item.name = vscode.l10n.t('Parity: Docker Engine');
        this.item.command = 'parity.engine.showStatus';
        this.subscription = engine.onDidChangeState((state) => this.render(state));
    }

    private render(state: EngineState): void {
        switch (state.kind) {
            case 'unknown':
                this.item.hide();
                return;
            case 'connected':
                this.item.text = `$(vm-active) Docker ${state.status.engineVersion}`;
                this.item.tooltip = summarizeEngineStatus(state.status);
                this.item.backgroundColor = undefined;
                break;
            case 'unreachable':
                this.item.text = `$(vm-outline) ${vscode.l10n.t('Docker unreachable')}`;
                this.item.tooltip = state.error.message;
                this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
                break;
        }
        this.item.show();
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}
