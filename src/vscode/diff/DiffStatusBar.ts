import * as vscode from 'vscode';
import { severityCountsText } from './groupFindings';
import { L10N_COUNTS } from '../l10nCounts';
import { diffStatusText } from './diffStatusText';
import type { LastDiff } from './LastDiff';

/** The counts of the last diff in the status bar; a click opens its report. Hidden until a diff ran. */
export class DiffStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('parity.diff', vscode.StatusBarAlignment.Left, 9);
    private readonly subscription: vscode.Disposable;

    constructor(last: LastDiff) {
        this.item.name = vscode.l10n.t('Parity Diff');
        this.item.command = 'parity.diff.openReport';
        this.subscription = last.onDidChange(({ report }) => {
            this.item.text = diffStatusText(report.counts);
            const sides = `${report.from.target} ↔ ${report.to.target}`;
            const counts = severityCountsText(report.counts, L10N_COUNTS) || L10N_COUNTS.noDifferences;
            this.item.tooltip = vscode.l10n.t(
                'Parity: {0} — {1}, {2}, {3}. Click to open the report.',
                sides,
                counts,
                L10N_COUNTS.ignored(report.ignored),
                L10N_COUNTS.unknown(report.unknown.length),
            );
            this.item.accessibilityInformation = { label: vscode.l10n.t('Parity diff: {0}', counts) };
            this.item.show();
        });
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}
