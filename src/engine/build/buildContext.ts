import { type Dirent, type Stats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BuildError } from '../../core/build/BuildError';
import { readBoundedFile } from '../../core/readBoundedFile';
import {
    contextPatterns,
    DockerignoreError,
    DockerignoreMatcher,
    goClean,
    type ParentMatches,
    parseDockerignore,
} from '../../core/build/dockerignore';
import { loadTarPacker, type TarMember } from './tarPacker';

export interface BuildContextOptions {
    /** The Dockerfile's path relative to the folder (default `Dockerfile`); always sent, whatever .dockerignore says. */
    readonly dockerfile?: string;
    /**
     * Files Parity adds to the context (a generated Dockerfile, `.parity-ca.pem` for classic builds), by
     * path relative to the context root; they replace a file of the same path in the folder.
     */
    readonly extraFiles?: Readonly<Record<string, Buffer>>;
    /** The .dockerignore text to apply instead of the folder's own (e.g. one a plan has not written yet). */
    readonly dockerignore?: string;
    readonly signal?: AbortSignal;
}

/**
 * A folder packed for `POST /build`: known size and member count before anything is sent, streamed as
 * an uncompressed tar when opened. Nothing is read into memory but the list of members.
 */
export interface BuildContext {
    readonly folder: string;
    /** The Dockerfile's slash-separated path inside the context. */
    readonly dockerfile: string;
    /** Bytes of the tar stream. */
    readonly size: number;
    /** Regular files in it (folders and links not counted). */
    readonly fileCount: number;
    /** Every member's path in archive order (folders end with a slash). */
    readonly members: readonly string[];
    /** The tar stream; each call streams afresh. A file that changes size meanwhile fails the stream. */
    open(signal?: AbortSignal): Readable;
    /** The text of a file of the context (an extra file or one in the folder); undefined when absent. */
    readText(path: string): Promise<string | undefined>;
}

/**
 * Packs a project folder the way `docker build` does: `.dockerignore` applied with Docker's own rules
 * (an excluded folder is not even walked unless an exception may re-include something in it), the
 * Dockerfile and .dockerignore always included, owners set to 0:0, symbolic links stored as links and
 * never followed, sockets and devices left out. A `<Dockerfile>.dockerignore` next to the Dockerfile
 * wins over the folder's `.dockerignore`, as with BuildKit.
 */
export async function createBuildContext(folder: string, options: BuildContextOptions = {}): Promise<BuildContext> {
    const dockerfile = goClean((options.dockerfile ?? 'Dockerfile').replaceAll('\\', '/'));
    if (dockerfile.startsWith('../') || dockerfile === '..' || dockerfile.startsWith('/')) {
        throw new BuildError('context', `The Dockerfile ${dockerfile} is outside the build context ${folder}.`);
    }
    const extra = new Map(
        Object.entries(options.extraFiles ?? {}).map(([path, buffer]) => [goClean(path.replaceAll('\\', '/')), buffer]),
    );
    const ignoreText = options.dockerignore ?? (await readIgnoreFile(folder, dockerfile));
    let matcher: DockerignoreMatcher;
    try {
        matcher = new DockerignoreMatcher(contextPatterns(parseDockerignore(ignoreText), dockerfile));
    } catch (error) {
        throw error instanceof DockerignoreError
            ? new BuildError(
                  'context',
                  `${error.message} — Docker would refuse it too.`,
                  { logTail: [] },
                  { cause: error },
              )
            : error;
    }

    const members: TarMember[] = [];
    await walk(folder, '', undefined, matcher, extra, members, options.signal);
    for (const [path, buffer] of [...extra].sort(([a], [b]) => compareNames(a, b))) {
        members.push({ name: path, type: 'file', size: buffer.length, mode: 0o644, mtime: 0, buffer });
    }
    if (!members.some((member) => member.type === 'file' && member.name === dockerfile)) {
        // A Dockerfile that is a link out of the folder gets an error that says so (thrown by the read).
        await readContextText(folder, dockerfile, () => undefined);
        throw new BuildError('context', `There is no ${dockerfile} in ${folder}.`);
    }

    const packer = await loadTarPacker();
    return {
        folder,
        dockerfile,
        size: packer.sizeOf(members),
        fileCount: members.filter((member) => member.type === 'file').length,
        members: members.map((member) => member.name),
        open: (signal) => packer.open(members, signal),
        readText: async (path) => {
            const clean = goClean(path.replaceAll('\\', '/'));
            const buffer = extra.get(clean);
            if (buffer) {
                return buffer.toString('utf8');
            }
            return readContextText(folder, clean, () => undefined);
        },
    };
}

async function readIgnoreFile(folder: string, dockerfile: string): Promise<string> {
    for (const candidate of [`${dockerfile}.dockerignore`, '.dockerignore']) {
        const text = await readContextText(folder, candidate, (code) => {
            throw new BuildError('context', `Cannot read ${candidate} in ${folder} (${code}).`, { logTail: [] });
        });
        if (text !== undefined) {
            return text;
        }
    }
    return '';
}

/** Dockerfiles and .dockerignore files are small; a cap keeps a huge or endless file from being read. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * A Dockerfile or .dockerignore of the folder as text; undefined when absent. Never through a link that
 * leaves the folder (a Dockerfile → ~/.ssh/id_rsa would otherwise be read, and a line of it quoted in a
 * parse error), never a device or FIFO, never beyond the cap: each is an error that names the file and
 * never quotes it. `onError` decides what an unreadable file means to the caller.
 */
async function readContextText(
    folder: string,
    path: string,
    onError: (code: string) => undefined,
): Promise<string | undefined> {
    const read = await readBoundedFile(join(folder, path), { maxBytes: MAX_TEXT_BYTES, within: folder });
    switch (read.kind) {
        case 'ok':
            return read.bytes.toString('utf8');
        case 'missing':
            return undefined;
        case 'outside':
            throw new BuildError(
                'context',
                `${path} in ${folder} links outside the build context; Parity does not read it. Put the file itself in the folder instead of a link.`,
                { logTail: [] },
            );
        case 'not-a-file':
            throw new BuildError('context', `${path} in ${folder} is not a regular file; Parity does not read it.`, {
                logTail: [],
            });
        case 'too-large':
            throw new BuildError(
                'context',
                `${path} in ${folder} is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB; Parity does not read it.`,
                { logTail: [] },
            );
        case 'error':
            return onError(read.code);
    }
}

/** Go's filepath.WalkDir order: names sorted byte-wise, folders entered where they sort. */
async function walk(
    root: string,
    relative: string,
    parent: ParentMatches | undefined,
    matcher: DockerignoreMatcher,
    extra: ReadonlyMap<string, Buffer>,
    out: TarMember[],
    signal: AbortSignal | undefined,
): Promise<void> {
    signal?.throwIfAborted();
    let entries: Dirent[];
    try {
        entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch (error) {
        throw unreadable(relative || '.', root, error);
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        const { excluded, matches } = matcher.matchWithParents(path, parent);
        const isDirectory = entry.isDirectory();
        if (excluded && !(isDirectory && matcher.hasExceptions && matcher.mayReincludeUnder(path))) {
            continue;
        }
        if (extra.has(path)) {
            continue;
        }
        let stats: Stats;
        try {
            stats = await lstat(join(root, path));
        } catch (error) {
            throw unreadable(path, root, error);
        }
        const common = { mode: stats.mode, mtime: stats.mtimeMs / 1000 };
        if (stats.isDirectory()) {
            if (!excluded) {
                out.push({ name: `${path}/`, type: 'directory', size: 0, ...common });
            }
            await walk(root, path, matches, matcher, extra, out, signal);
        } else if (stats.isSymbolicLink()) {
            out.push({ name: path, type: 'symlink', size: 0, linkTarget: await readlink(join(root, path)), ...common });
        } else if (stats.isFile()) {
            out.push({ name: path, type: 'file', size: stats.size, source: join(root, path), ...common });
        }
    }
}

function unreadable(path: string, root: string, error: unknown): BuildError {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return new BuildError(
        'context',
        `Cannot read ${path} in the build context ${root} (${reason}); fix its permissions or list it in .dockerignore.`,
        { logTail: [] },
        { cause: error },
    );
}

/** Byte-wise order of UTF-8 names, like Go's sort of directory entries. */
function compareNames(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
