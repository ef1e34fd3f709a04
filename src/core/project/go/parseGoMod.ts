import type { IssueSink, TextFile } from '../ProjectFiles';

export interface GoModLine {
    readonly value: string;
    readonly line: number;
}

export interface GoRequire {
    readonly path: string;
    readonly version: string;
    readonly indirect: boolean;
    readonly line: number;
}

export interface GoMod {
    readonly module: GoModLine | null;
    /** The `go` directive's version as written ("1.22", "1.22.3", "1.23rc1"), when it is one. */
    readonly go: GoModLine | null;
    /** The `toolchain` directive's name as written ("go1.22.3", "default"). */
    readonly toolchain: GoModLine | null;
    readonly requires: readonly GoRequire[];
}

const DIRECTIVES = new Set([
    'module',
    'go',
    'toolchain',
    'godebug',
    'require',
    'replace',
    'exclude',
    'retract',
    'tool',
    'ignore',
]);
const BLOCK_DIRECTIVES = new Set(['require', 'replace', 'exclude', 'retract', 'godebug', 'tool', 'ignore']);
export const GO_VERSION = /^1(?:\.(?:0|[1-9]\d*)){1,2}(?:(?:rc|beta)[1-9]\d*)?$/;
const TOOLCHAIN = /^(?:default|go1(?:\.(?:0|[1-9]\d*)){1,2}(?:(?:rc|beta)[1-9]\d*)?(?:-[\w.-]+)?)$/;

/**
 * go.mod's directives with their lines. What the go command would reject (an unknown directive, a `go`
 * version that is not one, an unclosed block) becomes an issue at its line; the rest is still read.
 */
export function parseGoMod(file: TextFile, issues: IssueSink): GoMod {
    let module: GoModLine | null = null;
    let go: GoModLine | null = null;
    let toolchain: GoModLine | null = null;
    const requires: GoRequire[] = [];
    const problem = (line: number, message: string): void => {
        issues.add({ severity: 'warning', message: `${file.path}:${line}: ${message}`, at: { file: file.path, line } });
    };
    let block: { name: string; line: number } | null = null;
    for (const [index, raw] of file.text.split(/\r?\n/).entries()) {
        const lineNumber = index + 1;
        const comment = raw.indexOf('//');
        // `require(` is as good as `require (` to the go command.
        const text = (comment === -1 ? raw : raw.slice(0, comment)).trim().replace(/^(\w+)\($/, '$1 (');
        const indirect = comment !== -1 && /\/\/\s*indirect\b/.test(raw.slice(comment));
        if (text === '') {
            continue;
        }
        if (block) {
            if (text === ')') {
                block = null;
            } else if (block.name === 'require') {
                addRequire(text.split(/\s+/), lineNumber, indirect);
            }
            continue;
        }
        const [keyword = '', ...args] = text.split(/\s+/);
        if (!DIRECTIVES.has(keyword)) {
            problem(lineNumber, `"${text}" is not a go.mod directive; the go command will refuse this file.`);
            continue;
        }
        if (args[0] === '(' && BLOCK_DIRECTIVES.has(keyword)) {
            block = { name: keyword, line: lineNumber };
            continue;
        }
        const value = args.join(' ');
        if (keyword === 'module') {
            module = { value: value.replace(/^"|"$/g, ''), line: lineNumber };
        } else if (keyword === 'go') {
            if (args.length === 1 && GO_VERSION.test(value)) {
                go = { value, line: lineNumber };
            } else {
                problem(lineNumber, `"go ${value}" is not a Go version (expected e.g. "go 1.22" or "go 1.22.3").`);
            }
        } else if (keyword === 'toolchain') {
            if (args.length === 1 && TOOLCHAIN.test(value)) {
                toolchain = { value, line: lineNumber };
            } else {
                problem(
                    lineNumber,
                    `"toolchain ${value}" is not a toolchain name (expected e.g. "toolchain go1.22.3").`,
                );
            }
        } else if (keyword === 'require') {
            addRequire(args, lineNumber, indirect);
        }
    }
    if (block) {
        problem(block.line, `the ${block.name} block opened here is never closed.`);
    }
    return { module, go, toolchain, requires };

    function addRequire(parts: readonly string[], line: number, indirect: boolean): void {
        const [path, version] = parts;
        if (path && version && parts.length === 2) {
            requires.push({ path: path.replace(/^"|"$/g, ''), version, indirect, line });
        } else {
            problem(line, `"${parts.join(' ')}" is not a requirement (expected "module/path v1.2.3").`);
        }
    }
}
