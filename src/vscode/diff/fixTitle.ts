import type { FindingFix } from '../../core/findings/Finding';

/**
 * What a fix offers, as an action title: "Apply fix: …" when Parity knows the new line, else "Go to
 * FILE:LINE — …" (the user edits it). The side says which environment changes.
 */
export function fixTitle(fix: FindingFix): string {
    return fix.replaceLineWith === undefined
        ? `Go to ${fix.at.file}:${fix.at.line} — ${fix.description}`
        : `Apply fix: ${fix.description}`;
}
