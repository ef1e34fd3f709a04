import type { Fact } from '../../snapshot/Snapshot';
import type { AppCandidate } from '../EcosystemDetection';
import { lineAt } from '../lineAt';
import type { ProjectFiles, TextFile } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import { findGoPorts } from './findGoPorts';
import { goFramework } from './goFramework';
import type { GoMod } from './parseGoMod';

/** Folders whose main package is most likely the server, after the module's own name. */
const PREFERRED_COMMANDS = ['server', 'api', 'web', 'app', 'http', 'service'];
const MAX_SCANNED_FILES = 200;

interface MainPackage {
    readonly dir: string;
    readonly mainFile: TextFile;
    readonly mainLine: number;
    readonly sources: readonly TextFile[];
}

/** The Go program to run: a `package main` with `func main()` at the root or in cmd/<name>/. */
export async function detectGoApp(
    files: ProjectFiles,
    walk: ProjectWalk,
    goModPath: string,
    goMod: GoMod | null,
    workspacePackages: readonly string[],
): Promise<AppCandidate | null> {
    const goFiles = walk.files.filter((path) => path.endsWith('.go') && !path.endsWith('_test.go'));
    const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');
    const candidates = [...new Set(goFiles.map(dirOf))].filter((dir) => dir === '.' || /^cmd\/[^/]+$/.test(dir));
    const mains: MainPackage[] = [];
    for (const dir of candidates) {
        const main = await readMainPackage(
            files,
            dir,
            goFiles.filter((path) => dirOf(path) === dir),
        );
        if (main) {
            mains.push(main);
        }
    }
    const moduleName = goMod?.module?.value.split('/').pop() ?? '';
    const rank = (dir: string): number => {
        const name = dir.split('/').pop() ?? '';
        const preferred = PREFERRED_COMMANDS.indexOf(name);
        return dir === '.' ? 0 : name === moduleName ? 1 : preferred !== -1 ? 2 + preferred : 100;
    };
    const chosen = [...mains].sort((a, b) => rank(a.dir) - rank(b.dir) || (a.dir < b.dir ? -1 : 1))[0];
    if (!chosen) {
        return null;
    }
    const framework =
        goFramework(goModPath, goMod) ??
        netHttp([chosen.mainFile, ...chosen.sources.filter((file) => file !== chosen.mainFile)]);
    let ports = findGoPorts(chosen.sources, framework?.value ?? null);
    if (ports.length === 0) {
        const others = goFiles.filter((path) => dirOf(path) !== chosen.dir).slice(0, MAX_SCANNED_FILES);
        const texts = (await Promise.all(others.map((path) => files.readText(path)))).filter(
            (file): file is TextFile => file !== null,
        );
        ports = findGoPorts(texts, framework?.value ?? null);
    }
    const pkg = chosen.dir === '.' ? '.' : `./${chosen.dir}`;
    const at = { file: chosen.mainFile.path, line: chosen.mainLine };
    const others = mains.filter((main) => main !== chosen).map((main) => main.dir);
    const startCommand: Fact<readonly string[]> = {
        value: ['/app/server'],
        at,
        how: `binary built from main package ${pkg} (go build -o /app/server ${pkg})${others.length > 0 ? `; other main packages: ${others.join(', ')}` : ''}`,
    };
    return {
        root: '.',
        framework,
        startCommand,
        ports,
        entry: { value: chosen.mainFile.path, at, how: 'func main() in package main' },
        workspacePackages,
        confidence: framework ? 3 : 2,
    };
}

async function readMainPackage(
    files: ProjectFiles,
    dir: string,
    paths: readonly string[],
): Promise<MainPackage | null> {
    const sources: TextFile[] = [];
    for (const path of paths) {
        const file = await files.readText(path);
        if (file && /^package\s+main\b/m.test(file.text)) {
            sources.push(file);
        }
    }
    for (const file of sources) {
        const main = /^func\s+main\s*\(\s*\)/m.exec(file.text);
        if (main) {
            return { dir, mainFile: file, mainLine: lineAt(file.text, main.index), sources };
        }
    }
    return null;
}

/** Plain net/http when the main package imports it and no framework is required. */
function netHttp(sources: readonly TextFile[]): Fact<string> | null {
    for (const file of sources) {
        const imported = /^[ \t]*(?:import[ \t]+)?(?:\w+[ \t]+)?"net\/http"/m.exec(file.text);
        if (imported) {
            return {
                value: 'net/http',
                at: { file: file.path, line: lineAt(file.text, imported.index) },
                how: `net/http imported by ${file.path}`,
            };
        }
    }
    return null;
}
