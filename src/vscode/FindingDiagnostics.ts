import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/findings/Finding';
import { findingLocation } from '../core/findings/findingLocation';
import type { CaptureIssue } from '../core/snapshot/Snapshot';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
};

/**
 * Puts findings and capture issues into the Problems panel on the files and lines they name, one
 * project folder at a time: a new snapshot of a folder replaces that folder's diagnostics.
 */
export class FindingDiagnostics implements vscode.Disposable {
    private readonly collection = vscode.languages.createDiagnosticCollection('parity');
    private readonly byFolder = new Map<string, vscode.Uri[]>();

    show(folder: vscode.Uri, findings: readonly Finding[], issues: readonly CaptureIssue[]): number {
        for (const uri of this.byFolder.get(folder.toString()) ?? []) {
            this.collection.delete(uri);
        }
        const perFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
        const add = (file: string, line: number, message: string, severity: Severity, code: string): void => {
            const uri = vscode.Uri.joinPath(folder, file);
            const entry = perFile.get(uri.toString()) ?? { uri, diagnostics: [] };
            const row = Math.max(0, line - 1);
            const diagnostic = new vscode.Diagnostic(
                new vscode.Range(row, 0, row, Number.MAX_SAFE_INTEGER),
                message,
                SEVERITY[severity],
            );
            diagnostic.source = 'parity';
            diagnostic.code = code;
            entry.diagnostics.push(diagnostic);
            perFile.set(uri.toString(), entry);
        };
        for (const finding of findings) {
            const at = findingLocation(finding);
            if (at) {
                add(at.file, at.line, finding.message, finding.severity, finding.rule);
            }
        }
        for (const issue of issues) {
            if (issue.at) {
                add(issue.at.file, issue.at.line, issue.message, issue.severity, 'capture');
            }
        }
        for (const { uri, diagnostics } of perFile.values()) {
            this.collection.set(uri, diagnostics);
        }
        this.byFolder.set(
            folder.toString(),
            [...perFile.values()].map((entry) => entry.uri),
        );
        return [...perFile.values()].reduce((sum, entry) => sum + entry.diagnostics.length, 0);
    }

    /**
     * Whether a snapshot finding already says this on this line of this file: the language server checks an
     * open pin file against the same snapshot and would repeat it in Problems.
     */
    shows(uri: vscode.Uri, line: number, message: string): boolean {
        return (this.collection.get(uri) ?? []).some(
            (diagnostic) => diagnostic.range.start.line === line && diagnostic.message === message,
        );
    }

    dispose(): void {
        this.collection.dispose();
    }
}
