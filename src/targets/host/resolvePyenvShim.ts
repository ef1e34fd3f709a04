import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unsafeVersionReason } from '../../core/project/unsafeVersionPins';
import { readBoundedFileSync } from '../../core/readBoundedFile';
import { findOnPath } from './findOnPath';

/**
 * What to run for a pyenv shim: the real executable; `shim` when the answer is not certain (the caller runs
 * the shim itself); or `unsafe` when the selected version is not a plain version name — pyenv would join it
 * onto its versions folder (`3.12/../../../tmp/evil`) and run whatever is there, so nothing may run.
 */
export type PyenvChoice =
    | { readonly kind: 'executable'; readonly path: string }
    | { readonly kind: 'shim' }
    | { readonly kind: 'unsafe'; readonly reason: string };

/** Version files are one line; anything longer is not one. */
const MAX_VERSION_FILE_BYTES = 64 * 1024;

/**
 * The Python executable a pyenv shim would run in `cwd`, found the way pyenv finds it — PYENV_VERSION,
 * then .python-version in cwd or a parent, then the global version file — without running the shim
 * (a bash script that costs ~250 ms).
 */
export function resolvePyenvShim(command: string, cwd: string, env: NodeJS.ProcessEnv): PyenvChoice {
    const shim = findOnPath(command, env);
    const isShim =
        shim !== undefined &&
        (env.PYENV_ROOT
            ? dirname(shim) === join(env.PYENV_ROOT, 'shims')
            : /[\\/]\.pyenv[\\/]shims[\\/][^\\/]+$/.test(shim));
    if (!shim || !isShim) {
        return { kind: 'shim' };
    }
    const root = env.PYENV_ROOT || dirname(dirname(shim));
    const selected = env.PYENV_VERSION?.trim()
        ? {
              source: 'PYENV_VERSION',
              versions: env.PYENV_VERSION.split(':')
                  .map((word) => word.trim())
                  .filter(Boolean),
          }
        : (versionFile(cwd) ?? readVersions(join(root, 'version')));
    for (const version of selected?.versions ?? []) {
        const reason = version.includes('/') ? 'contains a path separator' : unsafeVersionReason(version);
        if (reason) {
            return {
                kind: 'unsafe',
                reason: `${selected?.source ?? ''} selects Python ${JSON.stringify(version.slice(0, 80))}, which ${reason}; the pyenv shim was not run`,
            };
        }
    }
    const version = selected?.versions[0];
    if (!version || version === 'system') {
        return { kind: 'shim' };
    }
    const installed = installedVersion(join(root, 'versions'), version);
    const executable = installed ? join(root, 'versions', installed, 'bin', command) : undefined;
    return executable && existsSync(executable) ? { kind: 'executable', path: executable } : { kind: 'shim' };
}

interface Selected {
    readonly source: string;
    readonly versions: readonly string[];
}

function versionFile(start: string): Selected | undefined {
    for (let dir = start; ; dir = dirname(dir)) {
        const selected = readVersions(join(dir, '.python-version'));
        if (selected) {
            return selected;
        }
        if (dirname(dir) === dir) {
            return undefined;
        }
    }
}

/** Every word of a version file, as pyenv reads it; undefined when there is none (or no readable file). */
function readVersions(file: string): Selected | undefined {
    const read = readBoundedFileSync(file, { maxBytes: MAX_VERSION_FILE_BYTES });
    if (read.kind !== 'ok') {
        return undefined;
    }
    const versions = read.bytes
        .toString('utf8')
        .split(/\s+/)
        .filter((word) => word !== '' && !word.startsWith('#'));
    return versions.length > 0 ? { source: file, versions } : undefined;
}

/** An exact install, or — as pyenv does for a prefix like "3.12" — the newest install with that prefix. */
function installedVersion(versionsDir: string, wanted: string): string | undefined {
    if (existsSync(join(versionsDir, wanted))) {
        return wanted;
    }
    let names: string[];
    try {
        names = readdirSync(versionsDir);
    } catch {
        return undefined;
    }
    const numeric = (name: string): number[] => name.split('.').map((part) => Number.parseInt(part, 10));
    return names
        .filter((name) => name.startsWith(`${wanted}.`) && /^\d+(\.\d+)*$/.test(name))
        .sort((a, b) => {
            const [x, y] = [numeric(a), numeric(b)];
            for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
                const diff = (x[i] ?? 0) - (y[i] ?? 0);
                if (diff !== 0) {
                    return diff;
                }
            }
            return 0;
        })
        .pop();
}
