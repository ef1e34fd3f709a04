import type { Fact } from '../../snapshot/Snapshot';
import type { AppCandidate } from '../EcosystemDetection';
import { joinPath, type ProjectFiles } from '../ProjectFiles';
import { findNodeFramework } from './nodeFrameworks';
import { findPortsInSource } from './findPortsInSource';
import { nodeCommandDefaultPort } from './nodeCommandDefaultPorts';
import type { PackageJson } from './readPackageJson';
import { lastCommandOf, scriptToExecForm } from './scriptToExecForm';
import type { WorkspaceDelegation } from './workspaceDelegation';

/** Commands that run a script file given as their first operand. */
const FILE_RUNNERS: ReadonlySet<string> = new Set([
    'node',
    'nodemon',
    'ts-node',
    'ts-node-dev',
    'tsx',
    'babel-node',
    'node-dev',
    'bun',
    'pm2-runtime',
    'supervisor',
]);

/** Options of those runners that take the next word as their value. */
const OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
    '-r',
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '--env-file',
    '--env-file-if-exists',
    '-C',
    '--conditions',
    '--watch-path',
    '--inspect-port',
    '--title',
    '-w',
    '--watch',
    '-e',
    '--ext',
    '-i',
    '--ignore',
    '-x',
    '--exec',
    '--delay',
    '--config',
    '-P',
    '--project',
    '-O',
    '--compiler-options',
    '--tsconfig',
    '--name',
    '--instances',
]);

/** Files a Node server is conventionally started from, for port hunting when nothing names the entry. */
const CONVENTIONAL_SOURCES = [
    'server.js',
    'app.js',
    'index.js',
    'server.mjs',
    'index.mjs',
    'src/server.ts',
    'src/server.js',
    'src/index.ts',
    'src/index.js',
    'src/main.ts',
    'src/app.ts',
    'src/app.js',
];

/** Built output folders and where their sources usually live. */
const BUILD_DIRS = /^(?:dist|build|lib|out)\/(.+?)(?:\.(?:m?js|cjs))?$/;

interface FinalCommand {
    /** The words of the command that finally runs, after `npm run x` indirections and env/npx prefixes. */
    readonly words: readonly string[];
    /** The script key whose text holds those words. */
    readonly key: string;
    /** `NAME=value` assignments in front of the command. */
    readonly env: Readonly<Record<string, string>>;
}

/**
 * The app facts of one package: framework (from dependencies), start command (scripts.start, else npm's
 * server.js default, else main), entry file, and ports (start-script flags, then the entry's source, then the
 * command's or framework's default), each with the file and line it came from. When the monorepo root's start
 * only delegates to this package, the script it delegates to (start, serve …) is the start script.
 */
export async function detectNodeApp(
    files: ProjectFiles,
    pkg: PackageJson,
    workspacePackages: readonly string[],
    delegation: WorkspaceDelegation | null = null,
): Promise<AppCandidate> {
    const found = findNodeFramework(pkg);
    const framework: Fact<string> | null = found && {
        value: found.framework.name,
        at: { file: pkg.file, line: found.dependency.line },
        how: `${found.dependency.name} in ${found.dependency.section}`,
    };
    const at = (key: string): { file: string; line: number } => ({
        file: pkg.file,
        line: pkg.lineOf(['scripts', key]),
    });
    const startKey = delegation?.script ?? 'start';
    const startScript = pkg.get(['scripts', startKey]);
    const main = typeof pkg.get(['main']) === 'string' ? (pkg.get(['main']) as string) : null;
    const hasServerJs = await files.exists(joinPath(pkg.dir, 'server.js'));

    let startCommand: Fact<readonly string[]> | null = null;
    let final: FinalCommand | null = null;
    let explicitStart = true;
    const npmDefault = typeof startScript !== 'string' && hasServerJs;
    if (typeof startScript === 'string' && startScript.trim() !== '') {
        const how = delegation
            ? `${pkg.file} scripts.${startKey}, which the root's start script \`${delegation.via}\` runs`
            : 'package.json scripts.start';
        startCommand = { value: scriptToExecForm(startScript), at: at(startKey), how };
        final = finalCommand(pkg, startKey, startScript, 0);
    } else if (npmDefault) {
        startCommand = {
            value: ['node', 'server.js'],
            at: { file: joinPath(pkg.dir, 'server.js'), line: 1 },
            how: 'npm start default (server.js and no start script)',
        };
    } else if (main !== null) {
        startCommand = {
            value: ['node', main],
            at: { file: pkg.file, line: pkg.lineOf(['main']) },
            how: 'package.json main (there is no start script)',
        };
        explicitStart = false;
    }

    const entry = await findEntry(files, pkg, final, main, npmDefault, startScript !== undefined);
    const ports: Fact<number>[] = [];
    if (final) {
        ports.push(...portsInCommand(final, at(final.key)));
    }
    for (const source of await sourcesToScan(files, pkg, entry)) {
        ports.push(...findPortsInSource(source));
    }
    if (ports.length === 0) {
        const byCommand = final ? nodeCommandDefaultPort(final.words) : null;
        if (byCommand) {
            ports.push({ value: byCommand.port, how: byCommand.how });
        } else if (found?.defaultPort !== null && found?.defaultPort !== undefined) {
            ports.push({ value: found.defaultPort, how: found.framework.portHow ?? `${found.framework.name} default` });
        }
    }
    const seen = new Set<number>();
    const uniquePorts = ports.filter((port) => !seen.has(port.value) && seen.add(port.value));
    return {
        root: pkg.dir,
        framework,
        startCommand,
        ports: uniquePorts,
        entry,
        workspacePackages,
        confidence: framework || (startCommand && explicitStart) ? 3 : entry ? 2 : 1,
    };
}

/** Follows `npm run x`, `yarn x`, `pnpm x`, `bun run x` to the command that really runs. */
function finalCommand(pkg: PackageJson, key: string, script: string, depth: number): FinalCommand | null {
    const words = lastCommandOf(script);
    if (!words) {
        return null;
    }
    const env: Record<string, string> = {};
    for (const word of words) {
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
        if (assignment?.[1] !== undefined && assignment[2] !== undefined) {
            env[assignment[1]] = assignment[2];
        } else if (word !== 'env' && word !== 'cross-env') {
            break;
        }
    }
    const stripped = stripPrefixes(words);
    const [tool, first, second] = stripped;
    const target =
        tool === 'npm' && (first === 'run' || first === 'run-script')
            ? second
            : (tool === 'yarn' || tool === 'pnpm' || tool === 'bun') && first === 'run'
              ? second
              : tool === 'yarn' || tool === 'pnpm'
                ? first
                : tool === 'npm' && first === 'start'
                  ? 'start'
                  : undefined;
    const next = target === undefined ? undefined : pkg.get(['scripts', target]);
    if (target !== undefined && typeof next === 'string' && depth < 4) {
        return finalCommand(pkg, target, next, depth + 1);
    }
    return { words: stripped, key, env };
}

/** Drops `env`, `NAME=value`, `cross-env`, `npx`/`pnpm exec`/`yarn exec` in front of the real command. */
function stripPrefixes(words: readonly string[]): string[] {
    const rest = [...words];
    for (;;) {
        const [head, next] = rest;
        if (head === undefined) {
            return rest;
        }
        if (head === 'env' || head === 'cross-env' || head === 'npx' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(head)) {
            rest.shift();
        } else if ((head === 'pnpm' || head === 'yarn' || head === 'bunx') && next === 'exec') {
            rest.splice(0, 2);
        } else if (head === 'bunx') {
            rest.shift();
        } else {
            return rest;
        }
    }
}

/** The first operand of a file runner (node server.js, tsx src/index.ts, bun run src/index.ts). */
function scriptOperand(words: readonly string[]): string | null {
    const [runner, ...args] = words;
    if (runner === undefined || !FILE_RUNNERS.has(runner)) {
        return null;
    }
    for (let index = 0; index < args.length; index += 1) {
        const word = args[index] ?? '';
        if (runner === 'node' && ['-e', '--eval', '-p', '--print'].includes(word)) {
            return null;
        }
        if (word.startsWith('-')) {
            if (OPTIONS_WITH_VALUE.has(word) && !(runner === 'node' && word === '--watch')) {
                index += 1;
            }
            continue;
        }
        if ((runner === 'bun' && word === 'run') || (runner === 'pm2-runtime' && word === 'start')) {
            continue;
        }
        return /ecosystem\.config\.[cm]?js$/.test(word) ? null : word;
    }
    return null;
}

async function findEntry(
    files: ProjectFiles,
    pkg: PackageJson,
    final: FinalCommand | null,
    main: string | null,
    npmDefault: boolean,
    hasStartScript: boolean,
): Promise<Fact<string> | null> {
    if (npmDefault) {
        const file = joinPath(pkg.dir, 'server.js');
        return { value: file, at: { file, line: 1 }, how: 'npm start default (server.js)' };
    }
    const operand = final ? scriptOperand(final.words) : null;
    if (final && operand !== null) {
        const named = operand === '.' || operand === './' ? (main ?? 'index.js') : operand;
        return {
            value: await resolveModule(files, joinPath(pkg.dir, named)),
            at: { file: pkg.file, line: pkg.lineOf(['scripts', final.key]) },
            how: `run by scripts.${final.key}`,
        };
    }
    if (main !== null) {
        return {
            value: await resolveModule(files, joinPath(pkg.dir, main)),
            at: { file: pkg.file, line: pkg.lineOf(['main']) },
            how: 'package.json main',
        };
    }
    if (!hasStartScript) {
        for (const name of ['app.js', 'index.js']) {
            const file = joinPath(pkg.dir, name);
            if (await files.exists(file)) {
                return { value: file, at: { file, line: 1 }, how: 'conventional entry file' };
            }
        }
    }
    return null;
}

/** Node's resolution of a path without extension: as is, then .js, .mjs, .cjs (and .ts for tsx and friends), then index.js. */
async function resolveModule(files: ProjectFiles, path: string): Promise<string> {
    for (const candidate of [
        path,
        `${path}.js`,
        `${path}.mjs`,
        `${path}.cjs`,
        `${path}.ts`,
        joinPath(path, 'index.js'),
    ]) {
        if (await isFile(files, candidate)) {
            return candidate;
        }
    }
    return path;
}

async function isFile(files: ProjectFiles, path: string): Promise<boolean> {
    const slash = path.lastIndexOf('/');
    const entries = await files.list(slash < 0 ? '.' : path.slice(0, slash));
    return entries.some(
        (entry) => entry.name === path.slice(slash + 1) && (entry.kind === 'file' || entry.kind === 'symlink'),
    );
}

/** The entry's source (its src/ twin when the entry is build output that is not there yet), else a conventional file. */
async function sourcesToScan(
    files: ProjectFiles,
    pkg: PackageJson,
    entry: Fact<string> | null,
): Promise<{ path: string; text: string }[]> {
    const candidates: string[] = [];
    if (entry) {
        candidates.push(entry.value);
        const inPackage = pkg.dir === '.' ? entry.value : entry.value.slice(pkg.dir.length + 1);
        const built = BUILD_DIRS.exec(inPackage);
        if (built?.[1]) {
            candidates.push(
                ...['.ts', '.mts', '.js', '.mjs'].map((extension) =>
                    joinPath(pkg.dir, 'src', `${built[1]}${extension}`),
                ),
            );
        }
    } else {
        candidates.push(...CONVENTIONAL_SOURCES.map((name) => joinPath(pkg.dir, name)));
    }
    for (const candidate of candidates) {
        if (!(await isFile(files, candidate))) {
            continue;
        }
        const source = await files.readText(candidate);
        if (source) {
            return [source];
        }
    }
    return [];
}

/** `--port 8080`, `--port=8080`, `-p 8080` (not node's -p, which prints) and `PORT=8080` on the command line. */
function portsInCommand({ words, key, env }: FinalCommand, at: { file: string; line: number }): Fact<number>[] {
    const ports: Fact<number>[] = [];
    const add = (text: string | undefined, flag: string): void => {
        const port = Number(text);
        if (text !== undefined && /^\d{1,5}$/.test(text) && port >= 1 && port <= 65535) {
            ports.push({ value: port, at, how: `${flag} in scripts.${key}` });
        }
    };
    add(env.PORT, 'PORT');
    const isNode = words[0] === 'node';
    words.forEach((word, index) => {
        if (word === '--port' || (word === '-p' && !isNode) || (word === '-l' && words[0] === 'serve')) {
            add(words[index + 1], word);
        } else if (word.startsWith('--port=')) {
            add(word.slice('--port='.length), '--port');
        }
    });
    return ports;
}
