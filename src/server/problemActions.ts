import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { applyEdits, modify } from 'jsonc-parser';
import {
    type CodeAction,
    CodeActionKind,
    type Diagnostic,
    DiagnosticSeverity,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDiffConfig } from '../core/diff/parseDiffConfig';
import type { DocumentProblem, ProblemFix } from '../core/dockerfile/DockerfileProblem';
import { CONFIG_FILE } from '../core/lsp/parityProtocol';
import type { WorkspaceInputs } from './WorkspaceInputs';

const SEVERITY = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(problem: DocumentProblem): Diagnostic {
    return {
        range: problem.span,
        severity: SEVERITY[problem.severity],
        source: 'parity',
        code: problem.code,
        message: problem.message,
    };
}

/** The quick fixes of one problem, then "ignore this finding" (a rule in .parity/config.json, written by the client). */
export function problemActions(problem: DocumentProblem, uri: string, inputs: WorkspaceInputs): CodeAction[] {
    const diagnostic = toDiagnostic(problem);
    const actions: CodeAction[] = problem.fixes.map((fix) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred ?? false,
        edit: fixEdit(fix, uri, inputs),
    }));
    const ignore = ignoreEdit(problem, inputs);
    if (ignore) {
        actions.push({
            title: `Ignore this finding in ${CONFIG_FILE}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: ignore,
        });
    }
    return actions;
}

function fixEdit(fix: ProblemFix, uri: string, inputs: WorkspaceInputs): WorkspaceEdit {
    const edits: TextEdit[] = fix.changes.map((change) => ({ range: change.span, newText: change.newText }));
    const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> =
        edits.length > 0 ? [{ textDocument: { uri, version: null }, edits }] : [];
    if (fix.dockerignoreEntries && uri.startsWith('file:')) {
        const ignoreUri = new URL('.dockerignore', uri).toString();
        const existing = inputs.readBeside(fileURLToPath(uri), '.dockerignore');
        const entries = fix.dockerignoreEntries.join('\n');
        if (existing === null || existing === undefined) {
            documentChanges.push({ kind: 'create', uri: ignoreUri, options: { ignoreIfExists: true } });
            documentChanges.push({
                textDocument: { uri: ignoreUri, version: null },
                edits: [{ range: at(0, 0), newText: `${entries}\n` }],
            });
        } else {
            const document = TextDocument.create(ignoreUri, 'ignore', 0, existing);
            const end = document.positionAt(existing.length);
            const newText = `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${entries}\n`;
            documentChanges.push({
                textDocument: { uri: ignoreUri, version: null },
                edits: [{ range: { start: end, end }, newText }],
            });
        }
    }
    return { documentChanges };
}

/**
 * The edit that adds an ignore entry for this problem to `.parity/config.json`, or undefined when the file
 * is there but not valid (the user must fix it first; the log says why). The result is checked with the
 * same parser the diff uses, so the client never writes a config Parity would refuse.
 */
export function ignoreEdit(problem: DocumentProblem, inputs: WorkspaceInputs): WorkspaceEdit | undefined {
    if (inputs.root === undefined || problem.code === 'parity.no-snapshot' || problem.code === 'parity.unreadable') {
        return undefined;
    }
    const entry = {
        ...(problem.rule ? { rule: problem.rule } : { facet: problem.facet }),
        key: problem.key,
        reason: 'Ignored from the editor',
    };
    const configUri = pathToFileURL(join(inputs.root, CONFIG_FILE)).toString();
    const existing = inputs.readText(CONFIG_FILE);
    if (existing === undefined) {
        return undefined;
    }
    const text = existing ?? '{\n    "$schema": "https://parity.dev/schemas/config.schema.json"\n}\n';
    const changed = applyEdits(
        text,
        modify(text, ['ignore', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 4 } }),
    );
    try {
        parseDiffConfig(changed, CONFIG_FILE);
    } catch {
        return undefined;
    }
    const document = TextDocument.create(configUri, 'json', 0, text);
    const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
    return existing === null
        ? {
              documentChanges: [
                  { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
                  { textDocument: { uri: configUri, version: null }, edits: [{ range: at(0, 0), newText: changed }] },
              ],
          }
        : {
              documentChanges: [
                  { textDocument: { uri: configUri, version: null }, edits: [{ range: whole, newText: changed }] },
              ],
          };
}

function at(
    line: number,
    character: number,
): { start: { line: number; character: number }; end: { line: number; character: number } } {
    return { start: { line, character }, end: { line, character } };
}
