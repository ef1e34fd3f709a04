import { readFile } from 'node:fs/promises';
import { arch, platform, release, version } from 'node:os';
import { dockerArch } from '../../core/snapshot/dockerArch';
import { parseOsRelease } from '../../core/snapshot/parseOsRelease';
import type { PlatformFacts } from '../../core/snapshot/Snapshot';
import { cachedFileFact } from './cachedFileFact';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/** OS, distribution, kernel, architecture and C library of the machine Parity runs on. */
export async function hostPlatform(options: RunToolOptions): Promise<PlatformFacts> {
    const os = platform();
    const [distroFacts, libcFacts] = await Promise.all([distro(os, options), libc(os)]);
    return { os, distro: distroFacts, kernel: release(), arch: dockerArch(arch()), libc: libcFacts };
}

async function distro(os: NodeJS.Platform, options: RunToolOptions): Promise<PlatformFacts['distro']> {
    switch (os) {
        case 'linux': {
            const text = await readFile('/etc/os-release', 'utf8').catch(() =>
                readFile('/usr/lib/os-release', 'utf8').catch(() => ''),
            );
            const fields = parseOsRelease(text);
            return fields.ID
                ? { id: fields.ID, versionId: fields.VERSION_ID ?? null, prettyName: fields.PRETTY_NAME ?? null }
                : null;
        }
        case 'darwin': {
            const output = await runTool('sw_vers', ['-productVersion'], outsideProject(options));
            return { id: 'macos', versionId: output?.stdout.trim() || null, prettyName: version() };
        }
        case 'win32':
            return { id: 'windows', versionId: release(), prettyName: version() };
        default:
            return { id: os, versionId: release(), prettyName: version() };
    }
}

/** The C library of this process (so of the machine's programs): see linuxLibc on Linux. */
async function libc(os: NodeJS.Platform): Promise<PlatformFacts['libc']> {
    switch (os) {
        case 'darwin':
            return { family: 'libsystem', version: null };
        case 'win32':
            return { family: 'msvcrt', version: null };
        case 'linux':
            return linuxLibc();
        default:
            return { family: 'unknown', version: null };
    }
}

/**
 * The C library mapped into this process: musl's loader is ld-musl-*; glibc's libc.so.6 carries a banner that
 * ends "release version 2.36." (the banner it prints when run as a program), read once per library file
 * (cachedFileFact) — where Node's diagnostic report, which names the same version, costs ~10 ms every time;
 * that stays the fallback.
 */
async function linuxLibc(): Promise<PlatformFacts['libc']> {
    const maps = await readFile('/proc/self/maps', 'utf8').catch(() => '');
    if (/\/ld-musl-[^/\s]+$/m.test(maps)) {
        return { family: 'musl', version: null };
    }
    const path = /\s(\/\S*\/libc(?:\.so\.6|-[\d.]+\.so))$/m.exec(maps)?.[1];
    const version = path
        ? await cachedFileFact('glibc-version', path, () => glibcBannerVersion(path), isVersion)
        : undefined;
    if (version) {
        return { family: 'glibc', version };
    }
    const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
    return header?.glibcVersionRuntime
        ? { family: 'glibc', version: header.glibcVersionRuntime }
        : { family: 'musl', version: null };
}

/** The version glibc's banner in the library names ("… release version 2.36."); undefined without one. */
async function glibcBannerVersion(path: string): Promise<string | undefined> {
    const bytes = await readFile(path).catch(() => null);
    const at = bytes?.indexOf('release version ') ?? -1;
    return bytes && at >= 0
        ? /^release version (\d+\.\d+(?:\.\d+)?)/.exec(bytes.toString('latin1', at, at + 40))?.[1]
        : undefined;
}

function isVersion(value: unknown): value is string {
    return typeof value === 'string' && /^\d+\.\d+(?:\.\d+)?$/.test(value);
}
