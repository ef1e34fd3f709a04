/**
 * How a count is said, one function per counted thing, so each language can have its own singular and plural
 * (l10nCounts gives VS Code's translations; these pure helpers default to English for tests and the CLI).
 */
export interface CountWords {
    readonly error: (n: number) => string;
    readonly warning: (n: number) => string;
    readonly info: (n: number) => string;
    readonly byDesign: (n: number) => string;
    readonly ignored: (n: number) => string;
    readonly unknown: (n: number) => string;
    readonly noDifferences: string;
}

export const ENGLISH_COUNTS: CountWords = {
    error: (n) => (n === 1 ? '1 error' : `${n} errors`),
    warning: (n) => (n === 1 ? '1 warning' : `${n} warnings`),
    info: (n) => `${n} info`,
    byDesign: (n) => `${n} by design`,
    ignored: (n) => `${n} ignored`,
    unknown: (n) => `${n} unknown`,
    noDifferences: 'no differences',
};
