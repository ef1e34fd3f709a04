/** Where a "Run in Sandbox" CodeLens goes in a file, and what it runs. */
export interface RunLens {
    /** 0-based line. */
    readonly line: number;
    readonly kind: 'run' | 'build';
    /** Shown after the action, e.g. the script or process name. */
    readonly detail?: string;
    /** A Procfile process's command line, run instead of the image's CMD. */
    readonly command?: string;
}

/** package.json scripts that start a server; other scripts (test, lint) get no lens. */
const SERVING_SCRIPTS = new Set(['start', 'dev', 'serve']);

/**
 * The lenses of one file, by its name and text (pure: the provider passes the document). package.json:
 * on the start/dev/serve scripts; Dockerfile: Build and Run at the top; Procfile: on each process; Python:
 * on `if __name__ == "__main__":`; Go: on `func main()` of package main.
 */
export function findRunLenses(fileName: string, text: string): RunLens[] {
    const base = fileName.split(/[\\/]/).pop() ?? fileName;
    const lines = text.split(/\r?\n/);
    if (base === 'package.json') {
        return packageJsonLenses(lines);
    }
    if (base === 'Dockerfile' || base.endsWith('.Dockerfile') || base.startsWith('Dockerfile.')) {
        const first = lines.findIndex((line) => /^\s*FROM\s/i.test(line));
        const line = first < 0 ? 0 : first;
        return [
            { line, kind: 'build' },
            { line, kind: 'run' },
        ];
    }
    if (base === 'Procfile') {
        return lines.flatMap((line, index): RunLens[] => {
            const match = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(line);
            return match?.[1] && match[2] && !line.trim().startsWith('#')
                ? [{ line: index, kind: 'run', detail: match[1], command: match[2].trim() }]
                : [];
        });
    }
    if (base.endsWith('.py')) {
        return lines.flatMap((line, index): RunLens[] =>
            /^if\s+__name__\s*==\s*["']__main__["']\s*:/.test(line) ? [{ line: index, kind: 'run' }] : [],
        );
    }
    if (base.endsWith('.go')) {
        if (!lines.some((line) => /^package\s+main\b/.test(line))) {
            return [];
        }
        return lines.flatMap((line, index): RunLens[] =>
            /^func\s+main\s*\(\s*\)/.test(line) ? [{ line: index, kind: 'run' }] : [],
        );
    }
    return [];
}

/** The lines of "start" / "dev" / "serve" inside the top-level "scripts" object, found without a JSON parser. */
function packageJsonLenses(lines: readonly string[]): RunLens[] {
    const lenses: RunLens[] = [];
    let inScripts = false;
    let depth = 0;
    for (const [index, line] of lines.entries()) {
        if (!inScripts) {
            if (/^\s{0,4}"scripts"\s*:\s*\{/.test(line)) {
                inScripts = true;
                depth = 1;
            }
            continue;
        }
        const key = /^\s*"([^"]+)"\s*:/.exec(line)?.[1];
        if (depth === 1 && key && SERVING_SCRIPTS.has(key)) {
            lenses.push({ line: index, kind: 'run', detail: key });
        }
        depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
        if (depth <= 0) {
            break;
        }
    }
    return lenses;
}
