import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { privateCacheFolder, writeCacheFile } from '../core/privateCacheFolder';

/**
 * require() of a CommonJS bundle through a V8 code cache, so a fresh `parity` process does not parse and compile
 * the ~1 MB of its commands again (Node 20 has no module.enableCompileCache). The cache is what V8 compiled while
 * the last run of the same command ran, written when that process exits, one file per bundle and command in the
 * user's own cache folder. V8 rejects a cache from another V8 version or flags; the file's name carries the
 * bundle's size, modification time and inode, so a rebuilt or reinstalled bundle never meets an old cache.
 *
 * A code cache is code: the folder must belong to this user and be writable by nobody else, else no cache is read
 * or written. Any failure around the cache only costs the compile it would have saved.
 */
export function requireWithCodeCache(file: string, label: string, env: NodeJS.ProcessEnv = process.env): unknown {
    const source = readFileSync(file, 'utf8');
    const cacheFile = codeCacheFile(file, label, env);
    let cachedData: Buffer | undefined;
    try {
        cachedData = cacheFile === undefined ? undefined : readFileSync(cacheFile);
    } catch {
        // No cache yet: this run writes it.
    }
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
        process.once('exit', () => writeCodeCache(cacheFile, script));
    }
    const module = { exports: {} as unknown };
    (script.runInThisContext() as (...args: unknown[]) => void)(
        module.exports,
        createRequire(file),
        module,
        file,
        dirname(file),
    );
    return module.exports;
}

/** Where the cache of this bundle and command lives; undefined when there is no safe place for it. */
function codeCacheFile(file: string, label: string, env: NodeJS.ProcessEnv): string | undefined {
    const folder = env.PARITY_CODE_CACHE === 'off' ? undefined : privateCacheFolder('code-cache', env);
    if (folder === undefined) {
        return undefined;
    }
    try {
        const bundle = statSync(file);
        const key = [process.version, process.arch, bundle.size, Math.trunc(bundle.mtimeMs), bundle.ino].join('-');
        // The folder's hash keeps two installs (the extension's, npm's) from removing each other's cache.
        return join(folder, `${basename(file, '.js')}.${label}.${folderHash(dirname(file))}.${key}.v8`);
    } catch {
        return undefined;
    }
}

/** Written whole (writeCacheFile); then the older caches of the same install, bundle and command are removed. */
function writeCodeCache(cacheFile: string, script: Script): void {
    if (!writeCacheFile(cacheFile, script.createCachedData())) {
        return;
    }
    const [bundle, label, install] = basename(cacheFile).split('.');
    try {
        for (const name of readdirSync(dirname(cacheFile))) {
            const stale = name.startsWith(`${bundle}.${label}.${install}.`) && name !== basename(cacheFile);
            if (stale && !name.endsWith('.tmp')) {
                unlinkSync(join(dirname(cacheFile), name));
            }
        }
    } catch {
        // A stale cache left behind is only disk space.
    }
}

/** FNV-1a of a path, as 8 hex digits: a name, not a secret (node:crypto would cost its load, ~8 ms). */
function folderHash(path: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < path.length; i += 1) {
        hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
    }
    return (hash >>> 0).toString(16).padStart(8, '0');
}
