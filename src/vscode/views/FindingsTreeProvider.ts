import * as vscode from 'vscode';
import type { DiffReport, ReportFinding } from '../../core/diff/DiffReport';
import type { Finding, FindingFix, Severity } from '../../core/findings/Finding';
import { findingLocation } from '../../core/findings/findingLocation';
import { findingTooltip } from '../diff/findingTooltip';
import { fixTitle } from '../diff/fixTitle';
import { type FindingGroup, groupFindings, severityCountsText } from '../diff/groupFindings';
import { projectFileUri } from '../diff/projectFileUri';
import { reportLineOf } from '../diff/reportLineOf';
import { reportSummary } from '../diff/reportSummary';
import { L10N_COUNTS } from '../l10nCounts';

/** What the view shows: the last diff's report, or (until one ran) the findings of the last snapshots. */
interface Shown {
    readonly folder?: vscode.Uri;
    readonly report?: { readonly value: DiffReport; readonly uri: vscode.Uri; readonly text: string };
}

export type FindingTreeNode =
    | { readonly kind: 'summary'; readonly shown: Shown & { readonly report: NonNullable<Shown['report']> } }
    | { readonly kind: 'group'; readonly shown: Shown; readonly group: FindingGroup<ReportFinding> }
    | { readonly kind: 'finding'; readonly shown: Shown; readonly finding: ReportFinding }
    | { readonly kind: 'fix'; readonly shown: Shown; readonly finding: ReportFinding; readonly fix: FindingFix }
    | { readonly kind: 'clean'; readonly folder: vscode.Uri; readonly capturedAt: string };

const ICON: Readonly<Record<Severity, vscode.ThemeIcon>> = {
    error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
    info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

/**
 * The Findings view: the last diff grouped by facet (a summary row first, with what was ignored or unknown),
 * or, until a diff ran, the declared-vs-installed findings of each folder's last snapshot. A click on a
 * finding opens the line its first fix changes (or its line in the report); each fix is a row with its own
 * actions (Apply Fix when Parity knows the new line, Go to Fix Location).
 */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingTreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly snapshotFindings = new Map<
        string,
        { folder: vscode.Uri; findings: readonly Finding[]; capturedAt?: string }
    >();
    private diff: (Shown & { readonly report: NonNullable<Shown['report']> }) | undefined;

    /**
     * A snapshot's findings for `folder`; they show until a diff runs. With none, the row says when the
     * snapshot (`capturedAt`, ISO time) was taken, so a clean result is told apart from "not run yet".
     */
    set(folder: vscode.Uri, findings: readonly Finding[], capturedAt?: string): void {
        this.snapshotFindings.set(folder.toString(), { folder, findings, ...(capturedAt ? { capturedAt } : {}) });
        this.changed.fire();
    }

    /** The last diff's report, replacing whatever the view showed. */
    showReport(folder: vscode.Uri | undefined, report: DiffReport, uri: vscode.Uri, text: string): void {
        this.diff = { ...(folder ? { folder } : {}), report: { value: report, uri, text } };
        this.changed.fire();
    }

    getTreeItem(node: FindingTreeNode): vscode.TreeItem {
        switch (node.kind) {
            case 'summary':
                return summaryItem(node.shown.report);
            case 'group':
                return groupItem(node.group);
            case 'finding':
                return findingItem(node.shown, node.finding);
            case 'fix':
                return fixItem(node.shown, node.fix);
            case 'clean':
                return cleanItem(node.folder, node.capturedAt, this.snapshotFindings.size > 1);
        }
    }

    getChildren(node?: FindingTreeNode): FindingTreeNode[] {
        if (node === undefined) {
            return this.roots();
        }
        switch (node.kind) {
            case 'group':
                return node.group.findings.map((finding) => ({ kind: 'finding', shown: node.shown, finding }));
            case 'finding':
                return (node.finding.fix ?? []).map((fix) => ({
                    kind: 'fix',
                    shown: node.shown,
                    finding: node.finding,
                    fix,
                }));
            default:
                return [];
        }
    }

    getParent(): undefined {
        return undefined;
    }

    dispose(): void {
        this.changed.dispose();
    }

    private roots(): FindingTreeNode[] {
        if (this.diff) {
            const shown = this.diff;
            return [
                { kind: 'summary', shown },
                ...groupFindings(shown.report.value.findings).map(
                    (group): FindingTreeNode => ({ kind: 'group', shown, group }),
                ),
            ];
        }
        return [...this.snapshotFindings.values()].flatMap(({ folder, findings, capturedAt }): FindingTreeNode[] =>
            findings.length === 0 && capturedAt
                ? [{ kind: 'clean', folder, capturedAt }]
                : groupFindings(findings).map(
                      (group): FindingTreeNode => ({ kind: 'group', shown: { folder }, group }),
                  ),
        );
    }
}

function summaryItem(report: NonNullable<Shown['report']>): vscode.TreeItem {
    const summary = reportSummary(report.value, L10N_COUNTS);
    const item = new vscode.TreeItem(summary.label);
    item.description = summary.description;
    item.tooltip = new vscode.MarkdownString(summary.tooltip.map(escapeMarkdown).join('  \n'));
    item.iconPath = new vscode.ThemeIcon('diff');
    item.contextValue = 'parityReport';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Report'), arguments: [report.uri] };
    return item;
}

function cleanItem(folder: vscode.Uri, capturedAt: string, named: boolean): vscode.TreeItem {
    // Today's snapshot by its time only, so the row reads at the default sidebar width; older ones with the date.
    const at = new Date(capturedAt);
    const when = Number.isNaN(at.getTime())
        ? capturedAt
        : at.toDateString() === new Date().toDateString()
          ? at.toLocaleTimeString()
          : at.toLocaleString();
    const item = new vscode.TreeItem(vscode.l10n.t('No mismatches (captured at {0})', when));
    if (named) {
        item.description = folder.path.split('/').pop() ?? '';
    }
    item.tooltip = vscode.l10n.t(
        'The last snapshot of {0} found what the project declares installed here. Diff with Target compares this machine with an image, a container or a saved snapshot.',
        folder.fsPath,
    );
    item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    item.contextValue = 'paritySnapshotClean';
    item.command = {
        command: 'parity.snapshot.open',
        title: vscode.l10n.t('Open Snapshot Summary'),
        arguments: [folder],
    };
    return item;
}

function groupItem(group: FindingGroup<ReportFinding>): vscode.TreeItem {
    // Groups of information only (often a long package list) start folded; the rest are open.
    const serious = group.counts.error + group.counts.warning > 0;
    const item = new vscode.TreeItem(
        `${group.facet} (${group.findings.length})`,
        serious ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.description = severityCountsText(group.counts, L10N_COUNTS);
    item.iconPath = ICON[group.counts.error > 0 ? 'error' : group.counts.warning > 0 ? 'warning' : 'info'];
    item.contextValue = 'parityFacet';
    return item;
}

function findingItem(shown: Shown, finding: ReportFinding): vscode.TreeItem {
    const fixes = finding.fix ?? [];
    const inReport = shown.report !== undefined;
    // A report row is key and values (the message is in the tooltip); a snapshot finding keeps its sentence.
    const item = new vscode.TreeItem(
        inReport ? finding.key : finding.message,
        fixes.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    const at = findingLocation(finding);
    item.description = inReport ? valuesText(finding) : at ? `${at.file}:${at.line}` : finding.facet;
    item.tooltip = new vscode.MarkdownString(findingTooltip(finding, shown.report?.value).join('\n\n'));
    item.iconPath = finding.byDesign ? new vscode.ThemeIcon('verified') : ICON[finding.severity];
    item.contextValue = `parityFinding${fixes.length > 0 ? ';fix' : ''}${finding.byDesign ? ';byDesign' : ''}`;
    const target = at && shown.folder ? projectFileUri(shown.folder, at.file) : undefined;
    if (target && at) {
        item.command = openAt(target, at.line - 1);
    } else if (shown.report) {
        item.command = openAt(shown.report.uri, reportLineOf(shown.report.text, finding));
    }
    return item;
}

function fixItem(shown: Shown, fix: FindingFix): vscode.TreeItem {
    const item = new vscode.TreeItem(fixTitle(fix));
    item.description = vscode.l10n.t('{0} side · {1}:{2}', fix.side, fix.at.file, fix.at.line);
    item.tooltip =
        fix.replaceLineWith === undefined
            ? fix.description
            : `${fix.description}\n\n${fix.at.file}:${fix.at.line} → ${fix.replaceLineWith}`;
    item.iconPath = new vscode.ThemeIcon(fix.replaceLineWith === undefined ? 'go-to-file' : 'lightbulb-autofix');
    item.contextValue = `parityFix;${fix.replaceLineWith === undefined ? 'goto' : 'edit'}`;
    const target = shown.folder ? projectFileUri(shown.folder, fix.at.file) : undefined;
    if (target) {
        item.command = openAt(target, fix.at.line - 1);
    }
    return item;
}

/** `from → to`, with the built image between them in a three-way diff, and "by design" when it is. */
function valuesText(finding: ReportFinding): string {
    const value = (text: string | null | undefined): string => text ?? '—';
    const values =
        finding.introducedBy !== undefined || finding.via !== undefined
            ? `${value(finding.from)} → ${value(finding.via)} → ${value(finding.to)}`
            : `${value(finding.from)} → ${value(finding.to)}`;
    return finding.byDesign ? vscode.l10n.t('{0} · by design', values) : values;
}

function openAt(uri: vscode.Uri, line: number): vscode.Command {
    const row = Math.max(0, line);
    return {
        command: 'vscode.open',
        title: vscode.l10n.t('Open'),
        arguments: [uri, { selection: new vscode.Range(row, 0, row, 0) }],
    };
}

function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
