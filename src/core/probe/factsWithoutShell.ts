import { numericId } from '../isRootUser';
import type { EnvHashKey } from '../snapshot/EnvHashKey';
import { dockerArch } from '../snapshot/dockerArch';
import { localeFacts } from '../snapshot/localeFacts';
import { parseOsRelease } from '../snapshot/parseOsRelease';
import {
    type CaptureIssue,
    MAX_ID,
    type PlatformFacts,
    type SystemPackages,
    type UserFacts,
} from '../snapshot/Snapshot';
import { CA_SETTING_VARS, extraCertificates } from '../snapshot/extraCertificates';
import { apkInstalledPackages, dpkgInstalledPackages } from '../snapshot/installedPackages';
import { DEFAULT_CONTAINER_PATH, envEntries, envFacts, type ImageConfigInput } from './imageConfig';
import type { ProbeFacts, ProbeSourceKind } from './parseProbeOutput';
import { probeTimezone } from './probeTimezone';

/** Files read out of an image or container without running anything in it (the engine's archive API). */
export interface FilesWithoutShell {
    readonly osRelease: string | null;
    readonly passwd: string | null;
    readonly group: string | null;
    /** The first line of /etc/timezone. */
    readonly timezoneFile: string | null;
    readonly localtime: { readonly exists: boolean; readonly link: string | null };
    /** /var/lib/dpkg/status and, for distroless images, each file of /var/lib/dpkg/status.d; null when neither exists. */
    readonly dpkgStatus: readonly string[] | null;
    readonly apkInstalled: string | null;
    /** Which dynamic loaders exist, as `/lib/ld-musl-*.so.1` and `/lib64/ld-linux-*.so.2` and kin. */
    readonly loaders: { readonly musl: boolean; readonly glibc: boolean };
    readonly caFiles: readonly { readonly via: string; readonly path: string; readonly text: string }[];
    readonly missingCaPaths: readonly { readonly via: string; readonly path: string }[];
}

export interface ConfigWithoutShell extends ImageConfigInput {
    readonly Os?: string;
    readonly Architecture?: string;
}

/**
 * The facts an image without a shell still gives away: its config (environment, user, working directory,
 * platform) and a few files (os-release, passwd, the package database, time zone, CA files). Everything a
 * process would have to report — runtimes, limits, resources, case sensitivity — stays unknown, and the
 * first issue says why. Env values are hashed here, in Node, with the same key a shell probe would get.
 */
export function factsWithoutShell(
    config: ConfigWithoutShell,
    files: FilesWithoutShell,
    source: ProbeSourceKind,
    reason: string,
    key: EnvHashKey,
): ProbeFacts {
    const issues: CaptureIssue[] = [
        {
            severity: 'warning',
            message: `${reason} Parity read the ${source} config and files (os-release, passwd, package database) instead; runtimes, package managers, limits, resources and case sensitivity are unknown.`,
        },
    ];
    const env = envEntries(config.Env);
    const user = userFromConfig(config.User ?? '', files.passwd, files.group, issues);
    // The engine adds PATH and HOME when the config sets none; the program sees them, so the snapshot does too.
    if (!env.has('PATH')) {
        env.set('PATH', DEFAULT_CONTAINER_PATH);
    }
    if (!env.has('HOME')) {
        env.set('HOME', user?.home ?? '/');
    }
    const settings: Record<string, string> = {};
    for (const name of CA_SETTING_VARS) {
        const value = env.get(name);
        if (value !== undefined) {
            settings[name] = value;
        }
    }
    for (const missing of files.missingCaPaths) {
        issues.push({
            severity: 'warning',
            message: `${missing.via} names ${missing.path}, which is not a readable file or folder there.`,
        });
    }
    const certificates = { extra: extraCertificates(files.caFiles, issues), settings };
    const systemPackages = packagesFromFiles(files);
    return {
        platform: platformFromFiles(config, files, systemPackages, issues),
        runtimes: {},
        packageManagers: [],
        systemPackages,
        env: envFacts(env, source, key),
        locale: localeFacts(Object.fromEntries(env)),
        timezone: probeTimezone({
            tzVar: env.get('TZ') ?? null,
            file: files.timezoneFile,
            link: files.localtime.link,
            localtime: files.localtime.exists,
            offset: null,
        }),
        user,
        umask: null,
        limits: { nofile: null, nproc: null },
        resources: { cpus: null, memoryBytes: null, memoryLimitBytes: null },
        certificates,
        filesystem: { caseSensitive: null },
        workingDir: config.WorkingDir || '/',
        issues,
    };
}

function platformFromFiles(
    config: ConfigWithoutShell,
    files: FilesWithoutShell,
    packages: SystemPackages | null,
    issues: CaptureIssue[],
): PlatformFacts {
    const release = parseOsRelease(files.osRelease ?? '');
    let libc: PlatformFacts['libc'];
    const libc6 = packages?.manager === 'dpkg' ? packages.packages.libc6 : undefined;
    const musl = packages?.manager === 'apk' ? packages.packages.musl : undefined;
    if (libc6 !== undefined) {
        libc = { family: 'glibc', version: /^(?:\d+:)?(\d+\.\d+(?:\.\d+)?)/.exec(libc6)?.[1] ?? null };
    } else if (musl !== undefined) {
        libc = { family: 'musl', version: /^(\d+\.\d+\.\d+)/.exec(musl)?.[1] ?? null };
    } else if (files.loaders.musl) {
        libc = { family: 'musl', version: null };
    } else if (files.loaders.glibc) {
        libc = { family: 'glibc', version: null };
    } else {
        libc = { family: 'none', version: null };
        issues.push({
            severity: 'info',
            message: 'No dynamic loader found (neither glibc nor musl): the programs in it are statically linked.',
        });
    }
    return {
        os: config.Os ?? 'linux',
        distro: release.ID
            ? { id: release.ID, versionId: release.VERSION_ID ?? null, prettyName: release.PRETTY_NAME ?? null }
            : null,
        kernel: null,
        arch: config.Architecture ? dockerArch(config.Architecture) : 'unknown',
        libc,
    };
}

function packagesFromFiles(files: FilesWithoutShell): SystemPackages | null {
    if (files.dpkgStatus !== null) {
        return { manager: 'dpkg', packages: dpkgInstalledPackages(files.dpkgStatus) };
    }
    if (files.apkInstalled !== null) {
        return { manager: 'apk', packages: apkInstalledPackages(files.apkInstalled) };
    }
    return null;
}

/**
 * The user the engine would run as: `name`, `uid`, `name:group` or `uid:gid`, looked up in /etc/passwd and
 * /etc/group like the engine does. Empty means root.
 */
export function userFromConfig(
    spec: string,
    passwd: string | null,
    group: string | null,
    issues: CaptureIssue[],
): UserFacts | null {
    const [userPart = '', groupPart] = (spec || '0').split(':');
    const users = (passwd ?? '')
        .split('\n')
        .map((line) => line.split(':'))
        .filter((fields) => fields.length >= 7);
    // By number as the engine reads it, so `+0` and `000` are uid 0 (root) and not a name nobody has.
    const userId = numericId(userPart);
    const entry =
        userId !== null
            ? users.find((fields) => numericId(fields[2] ?? '') === userId)
            : users.find((fields) => fields[0] === userPart);
    if (!entry && userId === null) {
        issues.push({
            severity: 'warning',
            message: `The configured user "${userPart}" is not in /etc/passwd: the engine would refuse to start it.`,
        });
        return { uid: null, gid: null, name: userPart, home: null };
    }
    const uid = entry ? idOrNull(entry[2]) : idOrNull(userPart);
    if (uid === null) {
        issues.push({
            severity: 'warning',
            message: `The configured user "${userPart}" is not a uid the engine accepts (0–${MAX_ID}).`,
        });
    }
    let gid: number | null = entry ? idOrNull(entry[3]) : 0;
    if (groupPart !== undefined && groupPart !== '') {
        const groupEntry =
            numericId(groupPart) !== null
                ? null
                : (group ?? '')
                      .split('\n')
                      .map((line) => line.split(':'))
                      .find((fields) => fields[0] === groupPart);
        gid = numericId(groupPart) !== null ? idOrNull(groupPart) : groupEntry ? idOrNull(groupEntry[2]) : null;
    }
    return { uid, gid, name: entry?.[0] ?? null, home: entry?.[5] || '/' };
}

/** A uid or gid within what Linux and the snapshot schema allow, else null. */
function idOrNull(text: string | undefined): number | null {
    const id = numericId(text ?? '');
    return id !== null && id >= 0 && id <= MAX_ID ? Math.abs(id) : null;
}
