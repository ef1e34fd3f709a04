/**
 * The packages a Node lockfile installs, by name, each at the first line that names it — so a native package
 * that only a dependency pulls in is found, and the plan can say which lockfile line found it. Line-oriented
 * on purpose: every format below writes one package header per line, and JSON/YAML parsers drop line numbers.
 * bun.lockb is binary and yields nothing (bun.lock, its text successor, is read).
 */
export function lockedNodePackages(file: string, text: string): ReadonlyMap<string, number> {
    const pattern = patternFor(file);
    const found = new Map<string, number>();
    if (!pattern) {
        return found;
    }
    text.split('\n').forEach((line, index) => {
        const name = pattern.exec(line)?.[1];
        if (name && !found.has(name)) {
            found.set(name, index + 1);
        }
    });
    return found;
}

const NAME = String.raw`((?:@[\w.-]+\/)?[\w.-]+)`;

function patternFor(file: string): RegExp | null {
    const base = file.slice(file.lastIndexOf('/') + 1);
    switch (base) {
        case 'package-lock.json':
        case 'npm-shrinkwrap.json':
            // v2/v3: "node_modules/a/node_modules/sharp": { — the last segment is the package.
            return new RegExp(String.raw`^\s*"(?:[^"]*\/)?node_modules\/${NAME}":\s*\{`);
        case 'pnpm-lock.yaml':
            // v5/v6 "  /sharp@0.33.5:" or "  /sharp/0.33.5:", v9 "  sharp@0.33.5:", quoted when scoped.
            return new RegExp(String.raw`^ {2}['"]?\/?${NAME}[@/]\d`);
        case 'yarn.lock':
            // classic: sharp@^0.33.5: — berry: "sharp@npm:^0.33.5": (both unindented, maybe several specs).
            return new RegExp(String.raw`^"?${NAME}@`);
        case 'bun.lock':
            // "packages": { "sharp": ["sharp@0.33.5", …
            return new RegExp(String.raw`^ {4}"${NAME}":\s*\[`);
        default:
            return null;
    }
}
