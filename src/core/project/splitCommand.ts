import { parse, type ParseEntry } from 'shell-quote';

/** Quoted spans and escapes, which the shell takes literally — except backticks inside double quotes (group 1). */
export const LITERAL_SPANS = /'[^']*'|\\[\s\S]|"((?:[^"\\]|\\[\s\S])*)"/g;
/**
 * Shell syntax shell-quote does not model but sh acts on, outside quotes: command substitution, a line break
 * (a second command), tilde, brace and bracket expansion, and a quote or escape left open.
 */
const SHELL_ONLY = /[`\n\r~{}[\]'"\\]/;

/**
 * Turns a command line into exec form, as a Dockerfile CMD wants it: the words, with quotes and escapes
 * honoured, when the line is plain words; ["sh", "-c", line] when it uses any shell syntax — operators,
 * redirections, globs, comments, variables (inside double quotes too), command substitution.
 */
export function splitCommand(line: string): string[] {
    const text = line.trim();
    if (text === '') {
        return [];
    }
    const entries = wordsOf(text);
    // shell-quote keeps the backslash of an escaped backtick in double quotes, so any backtick there goes to sh.
    const outside = text.replace(
        LITERAL_SPANS,
        (_span, doubleQuoted?: string) => doubleQuoted?.replace(/[^`]/g, '') ?? '',
    );
    return entries === null || SHELL_ONLY.test(outside) ? ['sh', '-c', text] : entries;
}

/** The words, or null when shell-quote sees shell syntax — or a substitution it cannot even read (`${`). */
function wordsOf(text: string): string[] | null {
    let expands = false;
    try {
        const entries = parse(text, () => {
            expands = true;
            return '';
        });
        return !expands && entries.every(isWord) ? entries : null;
    } catch {
        return null;
    }
}

function isWord(entry: ParseEntry): entry is string {
    return typeof entry === 'string';
}
