import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { readBoundedFile } from '../readBoundedFile';
import { EnvHashKey } from './EnvHashKey';
import { EnvHashKeyError } from './EnvHashKeyError';

/** 64 hex digits and a newline; anything much larger is not a key file. */
const MAX_KEY_FILE_BYTES = 256;

/**
 * Where the per-user key lives: the user's config folder as each OS names it — never the project, so a
 * key is not committed or shipped with the snapshots it protects.
 */
export function envHashKeyPath(
    env: NodeJS.ProcessEnv = process.env,
    platform: NodeJS.Platform = process.platform,
    home = homedir(),
): string {
    let base: string;
    if (platform === 'win32') {
        base = env.APPDATA && isAbsolute(env.APPDATA) ? env.APPDATA : join(home, 'AppData', 'Roaming');
    } else if (platform === 'darwin') {
        base = join(home, 'Library', 'Application Support');
    } else {
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
    }
    return join(base, 'parity', 'env-hash.key');
}

/**
 * The key for captures made on their own (`parity snapshot`, Snapshot Environment): created once per user
 * and reused, so two snapshots saved on this machine stay comparable. A file that is a link, not the
 * user's, or open to others is refused rather than trusted — whoever can replace or read it can unmask
 * every short value in this user's snapshots.
 */
export async function userEnvHashKey(path = envHashKeyPath()): Promise<EnvHashKey> {
    const existing = await readKeyFile(path);
    if (existing) {
        return existing;
    }
    await createKeyFile(path);
    // Read back rather than trust what was written: a concurrent capture may have created it first.
    const created = await readKeyFile(path);
    if (!created) {
        throw new EnvHashKeyError(`Parity could not create its key file ${path}.`, path);
    }
    return created;
}

async function readKeyFile(path: string): Promise<EnvHashKey | null> {
    let info;
    try {
        info = await lstat(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return null;
        }
        throw new EnvHashKeyError(
            `Parity cannot read its key file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
            path,
        );
    }
    const remedy = `Remove it and Parity makes a new one (snapshots saved with the old key then no longer compare by value).`;
    if (info.isSymbolicLink()) {
        throw new EnvHashKeyError(
            `Parity's key file ${path} is a symbolic link; it only uses a key file it made itself. ${remedy}`,
            path,
        );
    }
    if (!info.isFile()) {
        throw new EnvHashKeyError(`Parity's key file ${path} is not a regular file. ${remedy}`, path);
    }
    if (process.platform !== 'win32') {
        const uid = process.getuid?.();
        if (uid !== undefined && info.uid !== uid) {
            throw new EnvHashKeyError(
                `Parity's key file ${path} belongs to uid ${info.uid}, not to you (uid ${uid}). ${remedy}`,
                path,
            );
        }
        if ((info.mode & 0o077) !== 0) {
            const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
            throw new EnvHashKeyError(
                `Parity's key file ${path} is open to other users (mode ${mode}); it must be 0600. Run chmod 600 on it, or: ${remedy}`,
                path,
            );
        }
    }
    const read = await readBoundedFile(path, { maxBytes: MAX_KEY_FILE_BYTES, noFollow: true });
    if (read.kind === 'missing') {
        return null;
    }
    if (read.kind !== 'ok') {
        throw new EnvHashKeyError(
            `Parity cannot read its key file ${path} (${read.kind === 'error' ? read.code : read.kind}). ${remedy}`,
            path,
        );
    }
    const key = EnvHashKey.fromHex(read.bytes.toString('utf8').trim());
    if (!key) {
        throw new EnvHashKeyError(`Parity's key file ${path} does not hold a key (64 hex digits). ${remedy}`, path);
    }
    return key;
}

/**
 * Written whole to a private temporary file, then linked into place: the key file never exists half
 * written or with a looser mode, and link() fails instead of replacing a key another capture just made.
 */
async function createKeyFile(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, `${EnvHashKey.generate().revealHex()}\n`, { mode: 0o600, flag: 'wx' });
    try {
        await link(temporary, path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
            throw new EnvHashKeyError(
                `Parity could not create its key file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
                path,
            );
        }
    } finally {
        await unlink(temporary).catch(() => undefined);
    }
}
