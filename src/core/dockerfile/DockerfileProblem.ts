import type { Severity } from '../findings/Finding';
import type { RuleId } from '../diff/DIFF_RULE_TABLE';

/** A zero-based place in a document, the shape LSP uses, so the server passes it on unchanged. */
export interface Span {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
}

/** Replace `span` of the checked document with `newText` (an empty span inserts). */
export interface TextChange {
    readonly span: Span;
    readonly newText: string;
}

/** One way to remove a problem: edits to the checked document, or lines to add to the project's .dockerignore. */
export interface ProblemFix {
    readonly title: string;
    readonly changes: readonly TextChange[];
    /** Entries to append to `.dockerignore` beside the Dockerfile (the file is created when missing). */
    readonly dockerignoreEntries?: readonly string[];
    /** The fix the editor offers first. */
    readonly preferred?: boolean;
}

/**
 * What a Parity check found in a Dockerfile or pin file, before it becomes an LSP diagnostic. `rule` names
 * the diff rule it is the same difference as (severities and ignores in .parity/config.json apply), else
 * `facet`/`key` identify it for an ignore entry.
 */
export interface DocumentProblem {
    /** Stable id of the check, the diagnostic's code: parity.base-runtime, parity.no-user … */
    readonly code: string;
    readonly severity: Severity;
    readonly message: string;
    readonly span: Span;
    readonly rule?: RuleId;
    readonly facet: string;
    readonly key: string;
    readonly fixes: readonly ProblemFix[];
}

/** A whole line as a span (for findings that know only their line). */
export function lineSpan(line: number, text: string): Span {
    const content = text.split(/\r?\n/)[line] ?? '';
    return { start: { line, character: 0 }, end: { line, character: content.length } };
}
