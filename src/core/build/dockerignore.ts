/**
 * `.dockerignore` exactly as the Docker CLI applies it (moby/patternmatcher and its ignorefile reader):
 * patterns are Go `filepath.Match` globs per path segment plus `**`, cleaned like `filepath.Clean`, a
 * leading `/` is dropped, `!` re-includes, the last matching pattern wins, and a pattern that matches a
 * folder matches everything under it.
 */

/** A pattern Docker would reject ("illegal exclusion pattern", "syntax error in pattern"). */
export class DockerignoreError extends Error {
    constructor(
        readonly pattern: string,
        reason: string,
    ) {
        super(`.dockerignore: ${reason} in pattern "${pattern}"`);
        this.name = 'DockerignoreError';
    }
}

/**
 * The patterns of a `.dockerignore` file, as `ignorefile.ReadAll` returns them: a UTF-8 BOM dropped,
 * lines starting with `#` skipped (before trimming, so ` #x` is a pattern), blank lines skipped, each
 * pattern trimmed and cleaned, a leading `/` removed, `!` kept in front.
 */
export function parseDockerignore(text: string): string[] {
    const patterns: string[] = [];
    for (const [index, raw] of text.split('\n').entries()) {
        let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (index === 0 && line.startsWith('\uFEFF')) {
            line = line.slice(1);
        }
        if (line.startsWith('#')) {
            continue;
        }
        let pattern = line.trim();
        if (pattern === '') {
            continue;
        }
        const invert = pattern.startsWith('!');
        if (invert) {
            pattern = pattern.slice(1).trim();
        }
        if (pattern.length > 0) {
            pattern = goClean(pattern);
            if (pattern.length > 1 && pattern.startsWith('/')) {
                pattern = pattern.slice(1);
            }
        }
        patterns.push(invert ? `!${pattern}` : pattern);
    }
    return patterns;
}

/**
 * The patterns the CLI really sends with: the Dockerfile and `.dockerignore` are always kept in the
 * context (the engine needs them), so when the patterns exclude them an exception is appended.
 */
export function contextPatterns(patterns: readonly string[], dockerfilePath: string): string[] {
    const result = [...patterns];
    const matcher = new DockerignoreMatcher(patterns);
    for (const keep of ['.dockerignore', goClean(dockerfilePath.replaceAll('\\', '/'))]) {
        if (matcher.matches(keep)) {
            result.push(`!${keep}`);
        }
    }
    return result;
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Pattern {
    readonly cleaned: string;
    readonly exclusion: boolean;
    readonly type: MatchType;
    readonly regexp?: RegExp;
}

/** What a tree walk carries from a folder to its children: which patterns matched the folder. */
export type ParentMatches = readonly boolean[];

/** `patternmatcher.PatternMatcher`: compiled patterns, asked with slash-separated paths relative to the context. */
export class DockerignoreMatcher {
    private readonly patterns: readonly Pattern[];
    /** Some pattern starts with `!`: an excluded folder may still have to be walked. */
    readonly hasExceptions: boolean;

    constructor(patterns: readonly string[]) {
        this.patterns = patterns
            .map((text) => text.trim())
            .filter((text) => text !== '')
            .map(compilePattern);
        this.hasExceptions = this.patterns.some((pattern) => pattern.exclusion);
    }

    /** `MatchesOrParentMatches`: whether the path is excluded, checking its parent folders too. */
    matches(path: string): boolean {
        const file = goClean(path);
        if (file === '.') {
            return false;
        }
        return this.matchWithParents(file, undefined).excluded;
    }

    /**
     * `MatchesUsingParentResults`, for a walk that goes folder by folder: pass what the parent folder's
     * call returned (undefined at the top), get the verdict and what to pass to this entry's children.
     */
    matchWithParents(path: string, parent: ParentMatches | undefined): { excluded: boolean; matches: ParentMatches } {
        let excluded = false;
        const matches: boolean[] = [];
        for (const pattern of this.patterns) {
            let match = parent?.[matches.length] ?? false;
            if (!match && pattern.exclusion === excluded) {
                match = matchPattern(pattern, path);
                if (!match && parent === undefined) {
                    const dirs = parentDirs(path);
                    for (let i = 1; i <= dirs.length && !match; i++) {
                        match = matchPattern(pattern, dirs.slice(0, i).join('/'));
                    }
                }
            }
            matches.push(match);
            if (match) {
                excluded = !pattern.exclusion;
            }
        }
        return { excluded, matches };
    }

    /**
     * Whether an excluded folder must still be walked: some exception pattern names something inside it
     * (the CLI's check: the exception, plus a slash, starts with the folder plus a slash).
     */
    mayReincludeUnder(folder: string): boolean {
        const prefix = `${folder}/`;
        return this.patterns.some((pattern) => pattern.exclusion && `${pattern.cleaned}/`.startsWith(prefix));
    }
}

function parentDirs(path: string): string[] {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? [] : path.slice(0, slash).split('/');
}

function compilePattern(text: string): Pattern {
    let cleaned = goClean(text);
    let exclusion = false;
    if (cleaned.startsWith('!')) {
        if (cleaned.length === 1) {
            throw new DockerignoreError(text, 'illegal exclusion pattern');
        }
        exclusion = true;
        cleaned = cleaned.slice(1);
    }
    const syntaxError = goMatchSyntaxError(cleaned);
    if (syntaxError) {
        throw new DockerignoreError(text, syntaxError);
    }
    const { type, source } = translate(cleaned);
    if (type !== 'regexp') {
        return { cleaned, exclusion, type };
    }
    try {
        return { cleaned, exclusion, type, regexp: new RegExp(source) };
    } catch {
        throw new DockerignoreError(text, 'syntax error');
    }
}

function matchPattern(pattern: Pattern, path: string): boolean {
    switch (pattern.type) {
        case 'exact':
            return path === pattern.cleaned;
        case 'prefix':
            return path.startsWith(pattern.cleaned.slice(0, -2));
        case 'suffix': {
            const suffix = pattern.cleaned.slice(2);
            return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
        }
        case 'regexp':
            return pattern.regexp?.test(path) ?? false;
    }
}

/** `Pattern.compile`: the same translation to a regular expression, and the same fast paths. */
function translate(pattern: string): { type: MatchType; source: string } {
    const chars = [...pattern];
    let source = '^';
    let type: MatchType = 'exact';
    let i = 0;
    // Inside a character class the characters go through as they are, as in Go (its regexp syntax for
    // classes is the same); outside one, everything but the wildcards is literal.
    let inClass = false;
    for (let index = 0; i < chars.length; index++) {
        const ch = chars[i++] ?? '';
        if (ch === '*') {
            if (chars[i] === '*') {
                i++;
                if (chars[i] === '/') {
                    i++;
                }
                if (i >= chars.length) {
                    if (type === 'exact') {
                        type = 'prefix';
                    } else {
                        source += '.*';
                        type = 'regexp';
                    }
                } else {
                    source += '(.*/)?';
                    type = 'regexp';
                }
                if (index === 0) {
                    type = 'suffix';
                }
            } else {
                source += '[^/]*';
                type = 'regexp';
            }
        } else if (ch === '?') {
            source += '[^/]';
            type = 'regexp';
        } else if (ch === '\\') {
            if (i < chars.length) {
                source += escapeRegExp(chars[i++] ?? '');
                type = 'regexp';
            } else {
                source += '\\\\';
            }
        } else if (ch === '[' || ch === ']') {
            inClass = ch === '[';
            source += ch;
            type = 'regexp';
        } else {
            source += inClass ? ch : escapeRegExp(ch);
        }
    }
    return { type, source: `${source}$` };
}

function escapeRegExp(ch: string): string {
    return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/** The errors `filepath.Match(pattern, ".")` reports: an unfinished escape or character class. */
function goMatchSyntaxError(pattern: string): string | undefined {
    const chars = [...pattern];
    let i = 0;
    const escaped = (): boolean => {
        // getEsc: one (possibly escaped) character of a class, which must not be "-" or "]" or the end.
        const ch = chars[i];
        if (ch === undefined || ch === '-' || ch === ']') {
            return false;
        }
        i++;
        if (ch === '\\') {
            if (chars[i] === undefined) {
                return false;
            }
            i++;
        }
        return chars[i] !== undefined;
    };
    while (i < chars.length) {
        const ch = chars[i++];
        if (ch === '\\') {
            if (i >= chars.length) {
                return 'syntax error (a trailing backslash)';
            }
            i++;
        } else if (ch === '[') {
            if (chars[i] === '^') {
                i++;
            }
            let ranges = 0;
            for (;;) {
                if (chars[i] === ']' && ranges > 0) {
                    i++;
                    break;
                }
                if (!escaped()) {
                    return 'syntax error (an unfinished character class)';
                }
                if (chars[i] === '-') {
                    i++;
                    if (!escaped()) {
                        return 'syntax error (an unfinished character range)';
                    }
                }
                ranges++;
            }
        }
    }
    return undefined;
}

/** Go's `path/filepath.Clean` for slash-separated paths. */
export function goClean(path: string): string {
    if (path === '') {
        return '.';
    }
    const rooted = path.startsWith('/');
    const out: string[] = [];
    let fixed = 0;
    for (const segment of path.split('/')) {
        if (segment === '' || segment === '.') {
            continue;
        }
        if (segment === '..') {
            if (out.length > fixed) {
                out.pop();
            } else if (!rooted) {
                out.push('..');
                fixed = out.length;
            }
            continue;
        }
        out.push(segment);
    }
    const joined = out.join('/');
    return rooted ? `/${joined}` : joined || '.';
}
