/** Small, exact builders for Dockerfile text: quoting for shell, ENV, LABEL and JSON exec form. */

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
const SAFE_IN_DOUBLE_QUOTES = /^[^"$`\\!]*$/;

/** One word of a shell command: bare when safe, `--flag="a b"` for flags, else quoted. */
export function shellWord(word: string): string {
    if (word !== '' && SAFE_WORD.test(word)) {
        return word;
    }
    const flag = /^(--?[A-Za-z0-9][\w.-]*=)(.*)$/s.exec(word);
    if (flag?.[1] && flag[2] !== undefined && SAFE_IN_DOUBLE_QUOTES.test(flag[2])) {
        return `${flag[1]}"${flag[2]}"`;
    }
    if (SAFE_IN_DOUBLE_QUOTES.test(word)) {
        return `"${word}"`;
    }
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `NAME=value …` prefixes and the command: the variables hold for that command only. */
export function shellCommand(words: readonly string[], env: Readonly<Record<string, string>> = {}): string {
    const assignments = Object.entries(env).map(([name, value]) => `${name}=${shellValue(value)}`);
    return [...assignments, ...words.map(shellWord)].join(' ');
}

/** An environment value in a shell assignment: `$NAME` still expands (PATH=/opt/venv/bin:$PATH). */
function shellValue(value: string): string {
    return /^[A-Za-z0-9_@%+=:,./$-]+$/.test(value) ? value : `"${value.replace(/(["\\`])/g, '\\$1')}"`;
}

/** `RUN` with its mounts, one per continued line, and the command last. */
export function runInstruction(command: string, mounts: readonly string[] = []): string {
    if (mounts.length === 0) {
        return `RUN ${command}`;
    }
    return [`RUN ${mounts[0] ?? ''}`, ...mounts.slice(1), command].join(' \\\n    ');
}

/** `ENV NAME=value`, quoted as the Dockerfile parser expects (`$NAME` is substituted by Docker). */
export function envInstruction(name: string, value: string): string {
    return `ENV ${name}=${dockerfileValue(value)}`;
}

/** One LABEL instruction, a key per line. */
export function labelInstruction(labels: Readonly<Record<string, string>>): string[] {
    const entries = Object.entries(labels);
    return entries.map(([key, value], index) => `${index === 0 ? 'LABEL ' : '      '}${key}=${JSON.stringify(value)}${index < entries.length - 1 ? ' \\' : ''}`);
}

/** Exec form: a JSON array, as CMD and ENTRYPOINT need it to run without a shell. */
export function execForm(words: readonly string[]): string {
    return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}

function dockerfileValue(value: string): string {
    return /^[^\s"'\\]*$/.test(value) && value !== '' ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** A single-quoted shell string (for messages). */
export function shellQuote(text: string): string {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
