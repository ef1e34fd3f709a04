import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findOnPath } from './findOnPath';

/**
 * The Python executable a pyenv shim would run in `cwd`, found the way pyenv finds it — PYENV_VERSION,
 * then .python-version in cwd or a parent, then the global version file — without running the shim
 * (a bash script that costs ~250 ms). Returns undefined whenever the answer is not certain, so the caller
 * falls back to running the shim itself.
 */
export function resolvePyenvShim(command: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
    const shim = findOnPath(command, env);
    const isShim = shim !== undefined && (env.PYENV_ROOT
        ? dirname(shim) === join(env.PYENV_ROOT, 'shims')
        : /[\\/]\.pyenv[\\/]shims[\\/][^\\/]+$/.test(shim));
    if (!shim || !isShim) {
        return undefined;
    }
    const root = env.PYENV_ROOT || dirname(dirname(shim));
    const version = env.PYENV_VERSION?.split(':')[0]?.trim() || versionFile(cwd) || readFirstWord(join(root, 'version'));
    if (!version || version === 'system') {
        return undefined;
    }
    const installed = installedVersion(join(root, 'versions'), version);
    const executable = installed ? join(root, 'versions', installed, 'bin', command) : undefined;
    return executable && existsSync(executable) ? executable : undefined;
}

function versionFile(start: string): string | undefined {
    for (let dir = start; ; dir = dirname(dir)) {
        const version = readFirstWord(join(dir, '.python-version'));
        if (version) {
            return version;
        }
        if (dirname(dir) === dir) {
            return undefined;
        }
    }
}

function readFirstWord(file: string): string | undefined {
    try {
        return readFileSync(file, 'utf8').split(/\s+/).find((word) => word !== '' && !word.startsWith('#'));
    } catch {
        return undefined;
    }
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
