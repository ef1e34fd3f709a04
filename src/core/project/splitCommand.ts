/** Shell syntax that a plain exec-form command cannot express. */
const SHELL_SYNTAX = /[|&;<>()`$*?{}~]|\[\[|\s#/;

/**
 * Turns a command line into exec form, as a Dockerfile CMD wants it: words split on blanks with quotes
 * honoured. A line that needs a shell (pipes, &&, variables, globs) is wrapped as ["sh", "-c", line].
 */
export function splitCommand(line: string): string[] {
    const text = line.trim();
    if (text === '') {
        return [];
    }
    const unquoted = text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');
    if (SHELL_SYNTAX.test(unquoted)) {
        return ['sh', '-c', text];
    }
    const words: string[] = [];
    let current = '';
    let inWord = false;
    let quote: '"' | "'" | null = null;
    for (let i = 0; i < text.length; i += 1) {
        const char = text.charAt(i);
        if (quote) {
            if (char === quote) {
                quote = null;
            } else if (char === '\\' && quote === '"' && i + 1 < text.length) {
                i += 1;
                current += text.charAt(i);
            } else {
                current += char;
            }
        } else if (char === '"' || char === "'") {
            quote = char;
            inWord = true;
        } else if (/\s/.test(char)) {
            if (inWord) {
                words.push(current);
                current = '';
                inWord = false;
            }
        } else if (char === '\\' && i + 1 < text.length) {
            i += 1;
            current += text.charAt(i);
            inWord = true;
        } else {
            current += char;
            inWord = true;
        }
    }
    if (inWord) {
        words.push(current);
    }
    return words;
}
