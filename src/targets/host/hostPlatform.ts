import { readFile } from 'node:fs/promises';
import { arch, platform, release, version } from 'node:os';
import { dockerArch } from '../../core/snapshot/dockerArch';
import { parseOsRelease } from '../../core/snapshot/parseOsRelease';
import type { PlatformFacts } from '../../core/snapshot/Snapshot';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/** OS, distribution, kernel, architecture and C library of the machine Parity runs on. */
export async function hostPlatform(options: RunToolOptions): Promise<PlatformFacts> {
    const os = platform();
    return {
        os,
        distro: await distro(os, options),
        kernel: release(),
        arch: dockerArch(arch()),
        libc: libc(os),
    };
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

/** Node's own diagnostic report names the glibc it runs on; a Linux without one is musl (Alpine). */
function libc(os: NodeJS.Platform): PlatformFacts['libc'] {
    if (os === 'darwin') {
        return { family: 'libsystem', version: null };
    }
    if (os === 'win32') {
        return { family: 'msvcrt', version: null };
    }
    if (os !== 'linux') {
        return { family: 'unknown', version: null };
    }
    const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
    return header?.glibcVersionRuntime
        ? { family: 'glibc', version: header.glibcVersionRuntime }
        : { family: 'musl', version: null };
}
