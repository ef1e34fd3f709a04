import * as vscode from 'vscode';
import type { ReportFinding } from '../../core/diff/DiffReport';
import type { FindingFix, Severity } from '../../core/findings/Finding';
import { projectFileUri } from './projectFileUri';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
};

/** A fix placed in a file: the diagnostic that shows it and what the quick fix needs. */
export interface PlacedFix {
    readonly folder: vscode.Uri;
    readonly uri: vscode.Uri;
    readonly finding: ReportFinding;
    readonly fix: FindingFix;
    readonly diagnostic: vscode.Diagnostic;
}

/**
 * The last diff's findings in the Problems panel, one diagnostic at each fix location (source "Parity",
 * code = rule id), replaced as a whole by the next diff. By-design findings are not risks and get none.
 * Keeps the fixes by file so the quick fixes find them.
 */
export class DiffDiagnostics implements vscode.Disposable {
    private readonly collection = vscode.languages.createDiagnosticCollection('parity-diff');
    private byFile = new Map<string, PlacedFix[]>();

    show(folder: vscode.Uri | undefined, findings: readonly ReportFinding[]): number {
        this.collection.clear();
        this.byFile = new Map();
        if (folder === undefined) {
            return 0;
        }
        for (const finding of findings) {
            if (finding.byDesign !== undefined) {
                continue;
            }
            const placed = new Set<string>();
            for (const fix of finding.fix ?? []) {
                const uri = projectFileUri(folder, fix.at.file);
                const where = `${uri?.toString() ?? ''}:${fix.at.line}`;
                if (uri === undefined) {
                    continue;
                }
                const line = Math.max(0, fix.at.line - 1);
                const existing = this.byFile.get(uri.toString()) ?? [];
                // Two fixes on one line (both directions in one file) share one diagnostic.
                const diagnostic = placed.has(where)
                    ? existing.find((entry) => entry.finding === finding && entry.fix.at.line === fix.at.line)
                          ?.diagnostic
                    : undefined;
                existing.push({ folder, uri, finding, fix, diagnostic: diagnostic ?? this.diagnostic(finding, line) });
                placed.add(where);
                this.byFile.set(uri.toString(), existing);
            }
        }
        let count = 0;
        for (const entries of this.byFile.values()) {
            const diagnostics = [...new Set(entries.map((entry) => entry.diagnostic))];
            count += diagnostics.length;
            const [first] = entries;
            if (first) {
                this.collection.set(first.uri, diagnostics);
            }
        }
        return count;
    }

    /** The fixes placed on lines `range` touches in `uri`. */
    fixesAt(uri: vscode.Uri, range: vscode.Range): readonly PlacedFix[] {
        return (this.byFile.get(uri.toString()) ?? []).filter(
            (entry) => entry.diagnostic.range.intersection(range) !== undefined,
        );
    }

    dispose(): void {
        this.collection.dispose();
    }

    private diagnostic(finding: ReportFinding, line: number): vscode.Diagnostic {
        const diagnostic = new vscode.Diagnostic(
            new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
            finding.message,
            SEVERITY[finding.severity],
        );
        diagnostic.source = 'Parity';
        diagnostic.code = finding.rule;
        return diagnostic;
    }
}
