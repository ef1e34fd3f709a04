import { LITERAL_SPANS, splitCommand } from '../splitCommand';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * A package.json script as an exec-form command: words for a simple command, with leading `NAME=value`
 * assignments run through `env` (Docker's exec form would take them for the program), and
 * `sh -c <script>` for anything that needs a shell.
 */
export function scriptToExecForm(script: string): string[] {
    const words = splitCommand(script);
    return ASSIGNMENT.test(words[0] ?? '') ? ['env', ...words] : words;
}

/**
 * The words of a script's last simple command ("npm run build && node dist/server.js" → node dist/server.js),
 * or null when that command needs a shell to be understood.
 */
export function lastCommandOf(script: string): string[] | null {
    // Separators inside quotes belong to a word: find the last one outside them, at the same offsets.
    const text = script.trim().replace(/[;\s]+$/, '');
    const outside = text.replace(LITERAL_SPANS, (span) => ' '.repeat(span.length));
    const separator = [...outside.matchAll(/&&|\|\||;/g)].pop();
    const last = (separator ? text.slice(separator.index + separator[0].length) : text).trim();
    if (last === '') {
        return null;
    }
    const words = splitCommand(last);
    return words.length === 3 && words[0] === 'sh' && words[1] === '-c' && words[2] === last ? null : words;
}
