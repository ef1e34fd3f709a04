import { RecipeTextError } from './RecipeTextError';

/**
 * Small, exact builders for Dockerfile text: quoting for shell, ENV, LABEL, COPY, WORKDIR and JSON exec form.
 * Every string may come from the project, so each builder either writes it so that Docker reads back exactly
 * that string, or refuses it with a RecipeTextError — it never lets a string end the line it is on.
 */

/** Line breaks (for Docker, and for the editors and parsers that read the file too) and other invisible controls. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** What COPY would take for a glob (Go's filepath.Match); Docker has no escape for it that both builders honour. */
const GLOB = /[*?[]/;
/** A plain Dockerfile word: written as is. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** An image reference as FROM takes it (name, tag, digest), nothing Docker would substitute. */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;

/** The text, when it stays on one line; otherwise the error that names it. */
export function oneLine(text: string, what: string): string {
    if (CONTROL.test(text)) {
        throw new RecipeTextError(what, text, 'it holds a line break or another control character');
    }
    return text;
}

const SAFE_IN_DOUBLE_QUOTES = /^[^"$`\\!]*$/;

/** One word of a shell command: bare when safe, `--flag="a b"` for flags, else quoted. */
export function shellWord(word: string): string {
    if (PLAIN.test(word)) {
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
    const assignments = Object.entries(env).map(([name, value]) => `${envName(name)}=${shellValue(value)}`);
    return [...assignments, ...words.map(shellWord)].join(' ');
}

/** An environment value in a shell assignment: `$NAME` still expands (PATH=/opt/venv/bin:$PATH). */
function shellValue(value: string): string {
    return /^[A-Za-z0-9_@%+=:,./$-]+$/.test(value) ? value : `"${value.replace(/(["\\`])/g, '\\$1')}"`;
}

function envName(name: string): string {
    if (!ENV_NAME.test(name)) {
        throw new RecipeTextError('the variable name', name, 'it is not a NAME of letters, digits and _');
    }
    return name;
}

/** `RUN` with its mounts, one per continued line, and the command last. */
export function runInstruction(command: string, mounts: readonly string[] = []): string {
    oneLine(command, 'the command');
    if (mounts.length === 0) {
        return `RUN ${command}`;
    }
    return [`RUN ${mounts[0] ?? ''}`, ...mounts.slice(1), command].join(' \\\n    ');
}

/**
 * `ENV NAME=value`, quoted as the Dockerfile parser expects. A `$NAME` or `${NAME}` reference is substituted
 * by Docker (the plan's PATH=/opt/venv/bin:$PATH); any other `$` is written literally.
 */
export function envInstruction(name: string, value: string): string {
    oneLine(value, `the value of ${envName(name)}`);
    const escaped = value.replace(/["\\]/g, '\\$&').replace(/\$(?![A-Za-z_]|\{[A-Za-z_][A-Za-z0-9_]*\})/g, '\\$$');
    return `ENV ${name}=${/^[\w@%+=:,./${}-]+$/.test(value) && escaped === value ? value : `"${escaped}"`}`;
}

/** One LABEL instruction, a key per line; values are literal (`$` escaped, Docker substitutes in labels). */
export function labelInstruction(labels: Readonly<Record<string, string>>): string[] {
    const entries = Object.entries(labels);
    return entries.map(([key, value], index) => {
        if (!LABEL_KEY.test(key)) {
            throw new RecipeTextError(
                'the label key',
                key,
                'it is not a plain key such as org.opencontainers.image.title',
            );
        }
        return `${index === 0 ? 'LABEL ' : '      '}${key}=${doubleQuoted(oneLine(value, `the label ${key}`))}${index < entries.length - 1 ? ' \\' : ''}`;
    });
}

/**
 * Exec form: a JSON array, as CMD and ENTRYPOINT need it to run without a shell. JSON escapes line breaks;
 * the controls and separators JSON leaves raw are escaped too, so the file stays plain text on one line.
 */
export function execForm(words: readonly string[]): string {
    return `[${words.map((word) => JSON.stringify(word).replace(/[\u007f-\u009f\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)).join(', ')}]`;
}

/**
 * `COPY [flags] sources… dest`: plain paths as they are, otherwise the JSON form (the only one that keeps
 * spaces) with Docker's word escapes, since Docker substitutes variables and removes quotes in COPY paths
 * (`<` too, so that no parser takes `<<` for the start of a heredoc).
 * A trailing `*` marks an optional file (Plan.manifests) and stays a glob; a glob anywhere else is refused.
 */
export function copyInstruction(sources: readonly string[], dest: string, flags: readonly string[] = []): string {
    const paths = [...sources.map((source) => copyPath(source, source.endsWith('*'))), copyPath(dest, false)];
    const prefix = ['COPY', ...flags].join(' ');
    return paths.every((path) => PLAIN.test(path.replace(/\*$/, '')))
        ? `${prefix} ${paths.join(' ')}`
        : `${prefix} ${execForm(paths.map((path) => path.replace(/[\\$'"<]/g, '\\$&')))}`;
}

function copyPath(path: string, optional: boolean): string {
    oneLine(path, 'the path');
    if (GLOB.test(optional ? path.slice(0, -1) : path)) {
        throw new RecipeTextError('the path', path, 'COPY would read *, ? or [ as a pattern and copy other files');
    }
    return path;
}

/** `WORKDIR path`, double-quoted unless plain (Docker substitutes variables and removes quotes here too). */
export function workdirInstruction(path: string): string {
    oneLine(path, 'the working directory');
    return `WORKDIR ${PLAIN.test(path) ? path : doubleQuoted(path)}`;
}

/** `FROM image [AS stage]`, for an image reference only: nothing Docker would substitute or split. */
export function fromInstruction(image: string, stage?: string): string {
    if (!IMAGE_REFERENCE.test(image)) {
        throw new RecipeTextError(
            'the base image',
            image,
            'it is not an image reference such as node:20.11.1-bookworm-slim',
        );
    }
    return `FROM ${image}${stage ? ` AS ${stage}` : ''}`;
}

/** A comment line: the text must stay on it. */
export function comment(text: string): string {
    return `# ${oneLine(text, 'the comment')}`;
}

/** A Dockerfile double-quoted string: inside, Docker reads `\"`, `\$` and `\\` as the character itself. */
function doubleQuoted(text: string): string {
    return `"${text.replace(/["$\\]/g, '\\$&')}"`;
}

/** A single-quoted shell string (for messages). */
export function shellQuote(text: string): string {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
