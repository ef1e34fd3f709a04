import type { PackageJson } from './readPackageJson';
import { lastCommandOf } from './scriptToExecForm';

export interface WorkspaceDelegation {
    /** The workspace package the root script hands over to. */
    readonly pkg: PackageJson;
    /** The script of that package which runs (start, serve …). */
    readonly script: string;
    /** The root script's text, for the plan's "how". */
    readonly via: string;
}

/** Options of npm, pnpm, yarn, turbo and nx that take the next word as their value (not a script name). */
const VALUE_OPTIONS: ReadonlySet<string> = new Set([
    '-w',
    '--workspace',
    '--filter',
    '-F',
    '-C',
    '--dir',
    '--scope',
    '--prefix',
    '--loglevel',
    '--output-style',
    '--concurrency',
    '-c',
    '--configuration',
]);

/**
 * The workspace package a monorepo root's script only delegates to, followed as the package manager would:
 * `npm run start -w <pkg>` / `npm start --workspace=<pkg>`, `pnpm --filter <pkg> start` (or `-F`, `-C <dir>`),
 * `yarn workspace <pkg> start`, `turbo run start --filter=<pkg>`, `nx serve <project>` / `nx run <project>:<target>`,
 * `lerna run start --scope <pkg>`. A package is named by its package.json name or its folder. Null when the
 * script does something else, names several packages, or names one that is not a workspace package.
 */
export function findWorkspaceDelegation(
    root: PackageJson,
    members: readonly PackageJson[],
    key = 'start',
    depth = 0,
): WorkspaceDelegation | null {
    const script = root.get(['scripts', key]);
    const words = typeof script === 'string' ? lastCommandOf(script) : null;
    if (!words || typeof script !== 'string') {
        return null;
    }
    const command = words.filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    const target = delegationTarget(command);
    if (!target) {
        // `start` → `npm run start:api` → `npm run start -w api`: another root script, followed a few steps.
        const next = rootScript(command);
        return next && next !== key && depth < 4 && typeof root.get(['scripts', next]) === 'string'
            ? findWorkspaceDelegation(root, members, next, depth + 1)
            : null;
    }
    const pkg = findMember(members, target.pkg);
    return pkg && typeof pkg.get(['scripts', target.script]) === 'string'
        ? { pkg, script: target.script, via: script.trim() }
        : null;
}

function delegationTarget(words: readonly string[]): { pkg: string; script: string } | null {
    const [tool, ...rest] = words;
    const { options, operands } = splitOptions(rest);
    const one = (names: readonly string[]): string | undefined => {
        const values = names.flatMap((name) => options.get(name) ?? []);
        return values.length === 1 ? values[0] : undefined;
    };
    if (tool === 'npm') {
        const pkg = one(['-w', '--workspace']);
        const [first, second] = operands;
        const script = first === 'run' || first === 'run-script' ? second : first === 'start' ? 'start' : undefined;
        return pkg && script ? { pkg, script } : null;
    }
    if (tool === 'pnpm') {
        const pkg = one(['--filter', '-F']) ?? one(['-C', '--dir']);
        const [first, second] = operands;
        const script = first === 'run' ? second : first;
        return pkg && script ? { pkg, script } : null;
    }
    if (tool === 'yarn') {
        const [first, pkg, third, fourth] = operands;
        const script = third === 'run' ? fourth : third;
        return first === 'workspace' && pkg && script ? { pkg, script } : null;
    }
    if (tool === 'turbo') {
        const pkg = one(['--filter', '-F']);
        const tasks = operands[0] === 'run' ? operands.slice(1) : operands;
        return pkg && tasks.length === 1 && tasks[0] ? { pkg, script: tasks[0] } : null;
    }
    if (tool === 'nx') {
        const [first, second, third] = operands;
        if (first === 'run' && second?.includes(':')) {
            const [project, target] = second.split(':');
            return project && target ? { pkg: project, script: target } : null;
        }
        return first && second && third === undefined && !first.includes(':') ? { pkg: second, script: first } : null;
    }
    if (tool === 'lerna') {
        const pkg = one(['--scope']);
        return operands[0] === 'run' && operands[1] && pkg ? { pkg, script: operands[1] } : null;
    }
    return null;
}

/** The root script `npm run x`, `yarn x`, `pnpm [run] x`, `bun run x` runs (no workspace options), or undefined. */
function rootScript(words: readonly string[]): string | undefined {
    const [tool, first, second, third] = words;
    if (third !== undefined) {
        return undefined;
    }
    if (tool === 'npm' || tool === 'bun') {
        return first === 'run' || first === 'run-script' ? second : undefined;
    }
    return tool === 'yarn' || tool === 'pnpm'
        ? first === 'run'
            ? second
            : second === undefined
              ? first
              : undefined
        : undefined;
}

/** `--name value`, `--name=value` and flags; everything else is an operand. */
function splitOptions(words: readonly string[]): { options: Map<string, string[]>; operands: string[] } {
    const options = new Map<string, string[]>();
    const operands: string[] = [];
    const add = (name: string, value: string): void => {
        options.set(name, [...(options.get(name) ?? []), value]);
    };
    for (let index = 0; index < words.length; index += 1) {
        const word = words[index] ?? '';
        const equals = /^(-{1,2}[\w-]+)=(.*)$/.exec(word);
        if (equals?.[1] !== undefined && equals[2] !== undefined) {
            add(equals[1], equals[2]);
        } else if (VALUE_OPTIONS.has(word) && words[index + 1] !== undefined) {
            add(word, words[index + 1] ?? '');
            index += 1;
        } else if (!word.startsWith('-')) {
            operands.push(word);
        }
    }
    return { options, operands };
}

/** A workspace package by its package.json name, its folder ("./apps/web"), or its folder's last name (nx projects). */
function findMember(members: readonly PackageJson[], wanted: string): PackageJson | undefined {
    // turbo and pnpm filters: `web...` (with its dependencies), `{./apps/web}`, `./apps/web`.
    const name = wanted.replace(/^\{(.*)\}$/, '$1').replace(/^\.{3}\^?|\.{3}$/g, '');
    const path = name.replace(/^\.\//, '').replace(/\/+$/, '');
    return (
        members.find((pkg) => pkg.get(['name']) === name) ??
        members.find((pkg) => pkg.dir === path) ??
        members.find((pkg) => pkg.get(['name']) === undefined && pkg.dir.split('/').pop() === path)
    );
}
