import { goDeclarations } from '../project/go/goDeclarations';
import { parseGoMod } from '../project/go/parseGoMod';
import { readNodeDeclarations } from '../project/node/readNodeDeclarations';
import { readPackageJson } from '../project/node/readPackageJson';
import { IssueSink, type ProjectFiles } from '../project/ProjectFiles';
import { pythonDeclarations } from '../project/python/pythonDeclarations';
import { readTomlFile } from '../project/python/readTomlFile';
import { readToolPins } from '../project/toolVersions';
import type { RuntimeDeclaration, RuntimeName } from '../snapshot/Snapshot';

/** The pin files the language server checks, by file name. */
export const PIN_FILE_NAMES = [
    '.nvmrc',
    '.node-version',
    'package.json',
    '.python-version',
    'pyproject.toml',
    'go.mod',
    '.tool-versions',
] as const;

export function isPinFile(path: string): boolean {
    return (PIN_FILE_NAMES as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * The runtime pins one file declares, read by the same project readers the snapshot uses, from the text in
 * the editor (so a pin is judged as typed, before it is saved). `path` is project-relative.
 */
export async function pinFileDeclarations(
    path: string,
    text: string,
): Promise<Partial<Record<RuntimeName, RuntimeDeclaration[]>>> {
    const files = singleFile(path, text);
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '.' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    switch (name) {
        case '.nvmrc':
        case '.node-version':
            return { node: await readNodeDeclarations(files, [{ dir, pkg: null }]) };
        case 'package.json':
            return { node: await readNodeDeclarations(files, [{ dir, pkg: await readPackageJson(files, dir) }]) };
        case '.python-version':
            return { python: await pythonDeclarations(files, [], null, null) };
        case 'pyproject.toml':
            return { python: await pythonDeclarations(files, [], await readTomlFile(files, path), null) };
        case 'go.mod':
            return { go: await goDeclarations(files, path, parseGoMod({ path, text }, files.issues), []) };
        case '.tool-versions': {
            const pins = await readToolPins(files, dir);
            return {
                node: await readNodeDeclarations(files, [{ dir, pkg: null }]),
                python: await pythonDeclarations(files, pins, null, null),
                go: await goDeclarations(
                    files,
                    path,
                    null,
                    pins.filter((pin) => pin.tool === 'go' || pin.tool === 'golang'),
                ),
            };
        }
        default:
            return {};
    }
}

/** A project holding only the edited file: the readers see nothing else, so they read nothing else. */
function singleFile(path: string, text: string): ProjectFiles {
    return {
        root: '.',
        readText: (wanted) => Promise.resolve(wanted === path ? { path, text } : null),
        list: () => Promise.resolve([]),
        exists: (wanted) => Promise.resolve(wanted === path),
        issues: new IssueSink(),
    };
}
