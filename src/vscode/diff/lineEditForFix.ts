import type { FindingFix } from '../../core/findings/Finding';

/** A whole-line replacement: 0-based line, the line's current length, and the new text. */
export interface LineEdit {
    readonly line: number;
    readonly length: number;
    readonly newText: string;
}

/**
 * The edit a fix makes to a document whose lines are `lines`: its 1-based line replaced by `replaceLineWith`.
 * Undefined when the fix has no new line, its line is past the end of the file, or the line already reads so.
 */
export function lineEditForFix(fix: FindingFix, lines: readonly string[]): LineEdit | undefined {
    const line = fix.at.line - 1;
    const current = lines[line];
    if (fix.replaceLineWith === undefined || line < 0 || current === undefined || current === fix.replaceLineWith) {
        return undefined;
    }
    return { line, length: current.length, newText: fix.replaceLineWith };
}
