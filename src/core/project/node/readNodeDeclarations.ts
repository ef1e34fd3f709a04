import semver from 'semver';
import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import { joinPath, type ProjectFiles } from '../ProjectFiles';
import { readToolPins, type ToolPin } from '../toolVersions';
import type { PackageJson } from './readPackageJson';
import { resolveNodeVersion } from './nodeVersionAliases';

/** A folder whose pins count, with its package.json when it has one. */
export interface PinPlace {
    readonly dir: string;
    readonly pkg: PackageJson | null;
}

/** What asdf (`nodejs`) and mise (`node`, or asdf's name) call the runtime. */
const TOOL_NAMES: ReadonlySet<string> = new Set(['node', 'nodejs']);

/**
 * Every Node.js pin, in the order version managers and builders apply them: .nvmrc, .node-version,
 * package.json engines.node, volta.node, devEngines.runtime, .tool-versions, mise.toml. Within one kind the
 * nearest folder comes first (nvm and mise look upwards from where they run), so `places` is nearest first.
 */
export async function readNodeDeclarations(
    files: ProjectFiles,
    places: readonly PinPlace[],
): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    const push = (item: RuntimeDeclaration | null): void => {
        if (item) {
            declared.push(item);
        }
    };
    for (const name of ['.nvmrc', '.node-version']) {
        for (const place of places) {
            push(await readVersionFile(files, joinPath(place.dir, name), name));
        }
    }
    for (const place of places) {
        push(place.pkg && readEnginesNode(files, place.pkg));
    }
    for (const place of places) {
        push(place.pkg && readVoltaNode(files, place.pkg));
    }
    for (const place of places) {
        push(place.pkg && readDevEnginesRuntime(files, place.pkg));
    }
    const pins = new Map<string, ToolPin[]>();
    for (const place of places) {
        pins.set(
            place.dir,
            (await readToolPins(files, place.dir)).filter((pin) => TOOL_NAMES.has(pin.tool)),
        );
    }
    for (const asdf of [true, false]) {
        for (const place of places) {
            for (const pin of pins.get(place.dir) ?? []) {
                if ((pin.source === '.tool-versions') === asdf) {
                    push(fromVersionText(files, pin.source, pin.file, pin.line, pin.version));
                }
            }
        }
    }
    return declared;
}

/** .nvmrc and .node-version: the first line that is not blank or a comment (nvm allows `#` comments). */
async function readVersionFile(files: ProjectFiles, path: string, source: string): Promise<RuntimeDeclaration | null> {
    const file = await files.readText(path);
    if (!file) {
        return null;
    }
    const lines = file.text.split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
        const content = line.replace(/#.*$/, '').trim();
        if (content !== '') {
            return fromVersionText(files, source, file.path, index + 1, content);
        }
    }
    files.issues.add({
        severity: 'warning',
        message: `${file.path} is empty, so nvm and other version managers pick no Node.js version from it; write a version such as "22" in it or delete it.`,
        at: { file: file.path, line: 1 },
    });
    return null;
}

function fromVersionText(
    files: ProjectFiles,
    source: string,
    file: string,
    line: number,
    raw: string,
): RuntimeDeclaration {
    const resolved = resolveNodeVersion(raw);
    if (resolved.problem !== undefined) {
        files.issues.add({ severity: 'warning', message: `${file}: ${resolved.problem}`, at: { file, line } });
    }
    return declaration(source, file, line, raw.trim(), resolved.range, resolved.note);
}

function readEnginesNode(files: ProjectFiles, pkg: PackageJson): RuntimeDeclaration | null {
    const value = pkg.get(['engines', 'node']);
    if (value === undefined) {
        return null;
    }
    const line = pkg.lineOf(['engines', 'node']);
    if (typeof value !== 'string') {
        files.issues.add({
            severity: 'warning',
            message: `${pkg.file}: engines.node must be a string such as ">=20", not ${describe(value)}; package managers ignore it.`,
            at: { file: pkg.file, line },
        });
        return null;
    }
    return fromRangeText(files, pkg.file, line, 'package.json#engines.node', value, 'engines.node');
}

function readVoltaNode(files: ProjectFiles, pkg: PackageJson): RuntimeDeclaration | null {
    const value = pkg.get(['volta', 'node']);
    if (value === undefined) {
        return null;
    }
    const line = pkg.lineOf(['volta', 'node']);
    if (typeof value !== 'string') {
        files.issues.add({
            severity: 'warning',
            message: `${pkg.file}: volta.node must be a version string such as "20.11.1", not ${describe(value)}; Volta ignores it.`,
            at: { file: pkg.file, line },
        });
        return null;
    }
    return fromVersionText(files, 'package.json#volta.node', pkg.file, line, value);
}

/** npm's devEngines.runtime: one {name, version} or a list of them. */
function readDevEnginesRuntime(files: ProjectFiles, pkg: PackageJson): RuntimeDeclaration | null {
    const runtime = pkg.get(['devEngines', 'runtime']);
    const entries = Array.isArray(runtime)
        ? runtime.map((entry, index) => ({ entry: entry as unknown, path: ['devEngines', 'runtime', index] }))
        : [{ entry: runtime, path: ['devEngines', 'runtime'] }];
    for (const { entry, path } of entries) {
        if (typeof entry !== 'object' || entry === null) {
            continue;
        }
        const { name, version } = entry as { name?: unknown; version?: unknown };
        if (name === 'node' && typeof version === 'string') {
            return fromRangeText(
                files,
                pkg.file,
                pkg.lineOf([...path, 'version']),
                'package.json#devEngines.runtime',
                version,
                'devEngines.runtime version',
            );
        }
    }
    return null;
}

function fromRangeText(
    files: ProjectFiles,
    file: string,
    line: number,
    source: string,
    value: string,
    field: string,
): RuntimeDeclaration {
    const raw = value.trim();
    const range = raw === '' ? '*' : semver.validRange(raw) === null ? null : raw;
    if (range === null) {
        files.issues.add({
            severity: 'warning',
            message: `${file}: ${field} "${raw}" is not a valid semver range, so npm cannot check the Node.js version against it; write it like ">=20" or "^22.11.0".`,
            at: { file, line },
        });
        return declaration(source, file, line, raw, null, 'Not a valid semver range.');
    }
    return declaration(source, file, line, raw, range, undefined);
}

function declaration(
    source: string,
    file: string,
    line: number,
    raw: string,
    range: string | null,
    note: string | undefined,
): RuntimeDeclaration {
    return note === undefined ? { source, file, line, raw, range } : { source, file, line, raw, range, note };
}

function describe(value: unknown): string {
    return value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : typeof value === 'object'
            ? 'an object'
            : `the ${typeof value} ${JSON.stringify(value)}`;
}
