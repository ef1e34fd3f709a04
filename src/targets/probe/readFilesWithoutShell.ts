import { posix } from 'node:path';
import { CA_SETTING_VARS, LOCAL_CA_DIRS } from '../../core/snapshot/extraCertificates';
import type { FilesWithoutShell } from '../../core/probe/factsWithoutShell';
import { envEntries } from '../../core/probe/imageConfig';
import type { ContainerFiles } from '../../engine/ContainerFiles';

/** musl names its loader after the machine: /lib/ld-musl-<arch>.so.1. */
const MUSL_ARCH: Readonly<Record<string, string>> = {
    amd64: 'x86_64',
    arm64: 'aarch64',
    arm: 'armhf',
    '386': 'i386',
    ppc64le: 'powerpc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
};

/** glibc's loaders, whatever the architecture (checking a few paths costs less than guessing wrong). */
const GLIBC_LOADERS = [
    '/lib64/ld-linux-x86-64.so.2',
    '/lib/ld-linux-aarch64.so.1',
    '/lib/ld-linux-armhf.so.3',
    '/lib/ld-linux.so.2',
    '/lib64/ld64.so.2',
    '/lib/ld64.so.1',
];

const CERT_FILE = /\.(crt|pem|cer)$/i;
const MAX_CERT_FILES = 500;
const MAX_LINK_HOPS = 8;

/**
 * Reads what factsWithoutShell needs from a container's file system through the archive API — one request
 * per file, links followed here because the archive API returns a link, not what it points at.
 */
export async function readFilesWithoutShell(
    files: ContainerFiles,
    env: readonly string[] | null | undefined,
    arch: string,
    signal?: AbortSignal,
): Promise<FilesWithoutShell> {
    const text = async (path: string): Promise<string | null> =>
        (await resolvedFile(files, path, signal))?.content ?? null;
    const [osRelease, passwd, group, timezone, localtime, dpkgStatus, dpkgStatusDir, apkInstalled] = await Promise.all([
        text('/etc/os-release').then((found) => found ?? text('/usr/lib/os-release')),
        text('/etc/passwd'),
        text('/etc/group'),
        text('/etc/timezone'),
        files.read('/etc/localtime', signal),
        text('/var/lib/dpkg/status'),
        files.read('/var/lib/dpkg/status.d', signal),
        text('/lib/apk/db/installed'),
    ]);
    const statusFiles = (dpkgStatusDir ?? [])
        .filter((entry) => entry.type === 'file' && !entry.name.endsWith('.md5sums'))
        .map((entry) => entry.content.toString('utf8'));
    const muslArch = MUSL_ARCH[arch];
    const [musl, ...glibc] = await Promise.all([
        muslArch ? files.exists(`/lib/ld-musl-${muslArch}.so.1`, signal) : Promise.resolve(false),
        ...GLIBC_LOADERS.map((path) => files.exists(path, signal)),
    ]);

    const caFiles: { via: string; path: string; text: string }[] = [];
    const missingCaPaths: { via: string; path: string }[] = [];
    for (const dir of LOCAL_CA_DIRS) {
        for (const path of await certificateFilesIn(files, dir, signal)) {
            const content = await text(path);
            if (content !== null) {
                caFiles.push({ via: dir, path, text: content });
            }
        }
    }
    const vars = envEntries(env);
    for (const name of CA_SETTING_VARS) {
        const value = vars.get(name);
        if (!value) {
            continue;
        }
        const paths =
            name === 'SSL_CERT_DIR'
                ? (await Promise.all(value.split(':').map((dir) => certificateFilesIn(files, dir, signal)))).flat()
                : [value];
        for (const path of paths) {
            const content = await text(path);
            if (content === null) {
                missingCaPaths.push({ via: name, path });
            } else {
                caFiles.push({ via: name, path, text: content });
            }
        }
    }

    return {
        osRelease,
        passwd,
        group,
        timezoneFile: timezone?.split('\n')[0]?.trim() || null,
        localtime: { exists: localtime !== null, link: localtime?.[0]?.linkTarget ?? null },
        dpkgStatus:
            dpkgStatus === null && dpkgStatusDir === null
                ? null
                : [...(dpkgStatus === null ? [] : [dpkgStatus]), ...statusFiles],
        apkInstalled,
        loaders: { musl, glibc: glibc.some(Boolean) },
        caFiles,
        missingCaPaths,
    };
}

/** A file's content after following symbolic links (relative ones from the link's folder); null when missing. */
async function resolvedFile(
    files: ContainerFiles,
    path: string,
    signal?: AbortSignal,
): Promise<{ path: string; content: string } | null> {
    let current = path;
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
        const entry = (await files.read(current, signal))?.[0];
        if (!entry) {
            return null;
        }
        if (entry.type === 'file') {
            return { path: current, content: entry.content.toString('utf8') };
        }
        if (entry.type !== 'symlink' || !entry.linkTarget) {
            return null;
        }
        current = posix.resolve(posix.dirname(current), entry.linkTarget);
    }
    return null;
}

/** Certificate files (and links to them) in a folder and one level below, as absolute paths. */
async function certificateFilesIn(files: ContainerFiles, dir: string, signal?: AbortSignal): Promise<string[]> {
    const entries = await files.read(dir, signal);
    if (!entries) {
        return [];
    }
    const parent = posix.dirname(posix.resolve(dir));
    return entries
        .filter(
            (entry) =>
                (entry.type === 'file' || entry.type === 'symlink') &&
                (CERT_FILE.test(entry.name) || /\.\d$/.test(entry.name)),
        )
        .filter((entry) => entry.name.split('/').length <= 3)
        .slice(0, MAX_CERT_FILES)
        .map((entry) => posix.join(parent, entry.name));
}
