/** A `file:line` reference in a snapshot summary: where it sits in the text and what it points at. */
export interface SummaryFileRef {
    /** 0-based line of the summary and the reference's columns on it (end exclusive). */
    readonly line: number;
    readonly start: number;
    readonly end: number;
    /** The project file and its 1-based line. */
    readonly file: string;
    readonly fileLine: number;
}

// formatSnapshotText writes pins as `(FILE:LINE)` and findings as `  severity FILE:LINE  message`.
const REF = /(?<=\(|\s)([^\s():,]+):(\d+)(?=[),]|\s|$)/g;

/**
 * The `file:line` references in the text `parity snapshot --format text` prints (formatSnapshotText), for
 * links to the pin lines.
 */
export function summaryFileRefs(text: string): SummaryFileRef[] {
    const refs: SummaryFileRef[] = [];
    text.split('\n').forEach((row, line) => {
        for (const match of row.matchAll(REF)) {
            const [whole, file, number] = match;
            if (file === undefined || number === undefined || !looksLikeProjectFile(file)) {
                continue;
            }
            refs.push({ line, start: match.index, end: match.index + whole.length, file, fileLine: Number(number) });
        }
    });
    return refs;
}

/** A relative path with an extension or a folder, or a `…file` name (Dockerfile, Procfile, Gemfile) — not `UTC+01:00`. */
function looksLikeProjectFile(file: string): boolean {
    return !file.startsWith('/') && !file.includes('+') && (/[./]/.test(file) || /^[A-Z][a-z]*file$/.test(file));
}
