import type { Finding } from '../../core/findings/Finding';

/**
 * The 0-based line of the rendered report that shows `finding`: the first line with its message, else the
 * first with its key; 0 when neither is there (the report still opens, at its top).
 */
export function reportLineOf(text: string, finding: Pick<Finding, 'message' | 'key'>): number {
    const lines = text.split('\n');
    const byMessage = lines.findIndex((line) => line.includes(finding.message));
    if (byMessage >= 0) {
        return byMessage;
    }
    const byKey = lines.findIndex((line) => line.includes(finding.key));
    return Math.max(0, byKey);
}
