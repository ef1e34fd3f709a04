import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apkInstalledPackages, dpkgInstalledPackages } from '../../core/snapshot/installedPackages';
import type { SystemPackages } from '../../core/snapshot/Snapshot';
import { cachedFileFact } from './cachedFileFact';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/**
 * Installed OS packages on Linux: from dpkg's or apk's database file when there is one (a few ms), else from
 * dpkg-query, apk or rpm, whichever answers (a process: ~25 ms); null elsewhere.
 */
export async function hostSystemPackages(
    projectOptions: RunToolOptions,
    /** Where the databases are looked for (tests plant them elsewhere). */
    systemRoot = '/',
): Promise<SystemPackages | null> {
    if (process.platform !== 'linux') {
        return null;
    }
    const fromDatabase = await packagesFromDatabase(systemRoot);
    if (fromDatabase) {
        return fromDatabase;
    }
    const options = outsideProject(projectOptions);
    const dpkg = await runTool('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}\t${Package}\t${Version}\n'], options);
    if (dpkg?.code === 0) {
        const packages: Record<string, string> = {};
        for (const line of dpkg.stdout.split('\n')) {
            const [status, name, version] = line.split('\t');
            // The status abbreviation's second letter is the current state: "i" for installed.
            if (status?.[1] === 'i' && name && version) {
                packages[name] ??= version;
            }
        }
        return { manager: 'dpkg', packages };
    }
    const apk = await runTool('apk', ['info', '-v'], options);
    if (apk?.code === 0) {
        const packages: Record<string, string> = {};
        for (const line of apk.stdout.split('\n')) {
            const match = /^(.+)-(\d[^-]*-r\d+)$/.exec(line.trim());
            if (match?.[1] && match[2]) {
                packages[match[1]] = match[2];
            }
        }
        return { manager: 'apk', packages };
    }
    const rpm = await runTool('rpm', ['-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\n'], options);
    if (rpm?.code !== 0) {
        return null;
    }
    const packages: Record<string, string> = {};
    for (const line of rpm.stdout.split('\n')) {
        const [name, version] = line.split('\t');
        if (name && version) {
            packages[name] = version;
        }
    }
    return { manager: 'rpm', packages };
}

/**
 * dpkg's status file, or apk's installed database. Not while dpkg is mid-operation: its journal
 * (/var/lib/dpkg/updates/NNNN) then holds changes the status file lacks, which dpkg-query merges in.
 */
async function packagesFromDatabase(root: string): Promise<SystemPackages | null> {
    const status = join(root, 'var/lib/dpkg/status');
    const dpkg = await cachedFileFact('dpkg-status', status, () => dpkgStatusPackages(status), isPackageList);
    if (dpkg !== null) {
        const journal = await readdir(join(root, 'var/lib/dpkg/updates')).catch(() => []);
        return journal.some((name) => /^\d+$/.test(name)) ? null : { manager: 'dpkg', packages: dpkg };
    }
    const apk = await readFile(join(root, 'lib/apk/db/installed'), 'utf8').catch(() => null);
    return apk === null ? null : { manager: 'apk', packages: apkInstalledPackages(apk) };
}

/** The installed packages of a dpkg status file; null when it cannot be read. */
async function dpkgStatusPackages(path: string): Promise<Record<string, string> | null> {
    // Decoded as Latin-1, which costs a tenth of UTF-8 on a ~1 MB file: names, versions and states are ASCII
    // (Debian policy); only descriptions, which are not read, may hold other characters.
    const text = await readFile(path).then(
        (bytes) => bytes.toString('latin1'),
        () => null,
    );
    return text === null ? null : dpkgInstalledPackages([text]);
}

/** A kept package list is a record of names to versions (cachedFileFact checks what it reads back). */
function isPackageList(value: unknown): value is Record<string, string> {
    return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((version) => typeof version === 'string')
    );
}
