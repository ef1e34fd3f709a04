import { dockerArch } from '../snapshot/dockerArch';
import { isSecretName } from '../snapshot/isSecretName';
import { localeFacts } from '../snapshot/localeFacts';
import { parseOsRelease } from '../snapshot/parseOsRelease';
import { limitValue } from '../snapshot/parseProcLimits';
import {
    type CaptureIssue,
    type CertificateFacts,
    type EnvVarFact,
    type FilesystemFacts,
    type LimitPair,
    type LimitsFacts,
    type LocaleFacts,
    MAX_EXACT,
    MAX_ID,
    MAX_LINE,
    type PackageManagerFacts,
    type PlatformFacts,
    PROBED_SECTIONS,
    type ProbedSection,
    type ResourcesFacts,
    type RuntimeFacts,
    type RuntimeName,
    type Snapshot,
    type SystemPackages,
    type UserFacts,
} from '../snapshot/Snapshot';
import { extraCertificates } from '../snapshot/extraCertificates';
import { probeTimezone, type TimezoneEvidence } from './probeTimezone';
import { libcVersion, runtimeVersion, toolVersion } from './probeVersions';

/** The most CPUs the schema allows (no machine has more). */
const MAX_CPUS = 65536;

/** The Snapshot sections a probe inside an image or container can fill, plus what the schema has no place for. */
export interface ProbeFacts
    extends Pick<
        Snapshot,
        | 'platform'
        | 'runtimes'
        | 'packageManagers'
        | 'systemPackages'
        | 'env'
        | 'locale'
        | 'timezone'
        | 'user'
        | 'umask'
        | 'limits'
        | 'resources'
        | 'certificates'
        | 'filesystem'
    > {
    /** The directory the probe (and so the image's process) started in. */
    readonly workingDir: string | null;
    readonly issues: readonly CaptureIssue[];
    /** Sections the output was cut short before (or in the middle of): what they hold is not what is there. */
    readonly unread?: readonly ProbedSection[];
}

export type ProbeSourceKind = 'image' | 'container';

const RUNTIMES: ReadonlySet<string> = new Set<RuntimeName>(['node', 'python', 'go', 'java', 'ruby']);

/** Package managers the probe looks for, with their ecosystem and the package names a real install has. */
const MANAGERS: Readonly<Record<string, { ecosystem: RuntimeName; packages: readonly string[] }>> = {
    npm: { ecosystem: 'node', packages: ['npm'] },
    yarn: { ecosystem: 'node', packages: ['yarn', '@yarnpkg/cli-dist'] },
    pnpm: { ecosystem: 'node', packages: ['pnpm', '@pnpm/exe'] },
    corepack: { ecosystem: 'node', packages: ['corepack'] },
    pip: { ecosystem: 'python', packages: ['pip'] },
    poetry: { ecosystem: 'python', packages: ['poetry'] },
    uv: { ecosystem: 'python', packages: [] },
    bundler: { ecosystem: 'ruby', packages: [] },
};

/**
 * Reads what PROBE_SCRIPT printed. Tolerant: unknown records are ignored, and output cut short gives what
 * was read plus an issue saying so. Pure apart from parsing certificates with node:crypto.
 */
export function parseProbeOutput(text: string, source: ProbeSourceKind): ProbeFacts {
    const issues: CaptureIssue[] = [];
    const { records, complete } = decodeRecords(text);
    const header = records[0];
    if (header?.[0] !== 'parity-probe') {
        issues.push({
            severity: 'error',
            message: `The probe printed no probe output${text.trim() ? `: ${firstLine(text)}` : ' at all'}.`,
        });
        return { ...emptyProbeFacts(), issues, unread: [...PROBED_SECTIONS] };
    }
    if (header[1] !== '1') {
        issues.push({
            severity: 'warning',
            message: `The probe output has format version ${header[1] ?? '?'}; this Parity reads version 1.`,
        });
    }
    const unread = complete ? [] : unreadSections(records);
    if (!complete) {
        const last = records.at(-1)?.[0] ?? 'parity-probe';
        issues.push({
            severity: 'warning',
            message: `The probe's output ended early (after ${records.length} records, the last "${last}"): the sections after it are missing. Not read: ${unread.join(', ')}.`,
        });
    }

    const osRelease: string[] = [];
    let uname: string[] = [];
    let libc: string[] | null = null;
    const runtimes: Partial<Record<RuntimeName, RuntimeFacts>> = {};
    const packageManagers: PackageManagerFacts[] = [];
    let packageDb: SystemPackages['manager'] | null = null;
    const packages: Record<string, string> = {};
    const env: Record<string, EnvVarFact> = {};
    const unhashed: string[] = [];
    let keyMissing = false;
    const localeVars: Record<string, string> = {};
    let charmap: string | null = null;
    let tz: TimezoneEvidence = { tzVar: null, file: null, link: null, localtime: false, offset: null };
    let user: UserFacts | null = null;
    let umask: string | null = null;
    const limits: { nofile: LimitPair | null; nproc: LimitPair | null } = { nofile: null, nproc: null };
    let cpus: number | null = null;
    let memTotalKb: number | null = null;
    const cgroup: Record<string, string> = {};
    const caSettings: Record<string, string> = {};
    const caFiles: { via: string; path: string; pem: string[] }[] = [];
    let workingDir: string | null = null;
    let caseSensitive: boolean | null = null;

    for (const [kind, ...fields] of records) {
        const [a = '', b = '', c = '', d = '', e = ''] = fields;
        switch (kind) {
            case 'os-release':
                osRelease.push(a);
                break;
            case 'uname':
                uname = fields;
                break;
            case 'libc':
                libc = fields;
                break;
            case 'runtime':
                if (RUNTIMES.has(a)) {
                    const name = a as RuntimeName;
                    const version = runtimeVersion(name, c);
                    if (version === null) {
                        issues.push({
                            severity: 'warning',
                            message: `${b} did not report a ${name} version (it printed "${c}").`,
                        });
                    }
                    runtimes[name] = {
                        declared: [],
                        installed: version === null ? null : { version, path: b || null, manager: source },
                    };
                }
                break;
            case 'pm': {
                const manager = MANAGERS[a];
                if (manager) {
                    packageManagers.push({
                        name: a,
                        ecosystem: manager.ecosystem,
                        declared: null,
                        installed: managerVersion(a, b, c, d, e, manager.packages, issues),
                        evidence: 'installed',
                    });
                }
                break;
            }
            case 'pkgdb':
                if (a === 'dpkg' || a === 'apk' || a === 'rpm') {
                    packageDb = a;
                }
                break;
            case 'pkg':
                // dpkg's status abbreviation: the second letter is the current state, "i" for installed.
                if (b && (d.length < 2 || d[1] === 'i')) {
                    packages[b] ??= c;
                }
                break;
            case 'env':
                if (a) {
                    // Anything but a sha256 is kept as "not hashed": the value itself must never land in a snapshot.
                    const sha256 = /^[0-9a-f]{64}$/.test(b) ? b : '';
                    env[a] = { sha256, secret: isSecretName(a), source };
                    if (!sha256) {
                        unhashed.push(a);
                    }
                }
                break;
            case 'env-key':
                keyMissing = true;
                break;
            case 'locale-var':
                localeVars[a] = b;
                break;
            case 'locale-charmap':
                charmap = a || null;
                break;
            case 'tz-var':
                tz = { ...tz, tzVar: a };
                break;
            case 'tz-file':
                tz = { ...tz, file: a || null };
                break;
            case 'tz-localtime':
                tz = { ...tz, localtime: true, link: a || null };
                break;
            case 'tz-offset':
                tz = { ...tz, offset: a || null };
                break;
            case 'user':
                // BusyBox's `id -un` prints the number when the user has no passwd entry; GNU's prints nothing.
                user = {
                    uid: bounded(integer(a), MAX_ID),
                    gid: bounded(integer(b), MAX_ID),
                    name: c && c !== a ? c : null,
                    home: d || null,
                };
                break;
            case 'umask':
                umask = /^[0-7]{1,4}$/.test(a) ? a.padStart(4, '0') : null;
                break;
            case 'limit':
                if (a === 'nofile' || a === 'nproc') {
                    limits[a] = { soft: limitValue(b || undefined), hard: limitValue(c || undefined) };
                }
                break;
            case 'cpus':
                cpus = bounded(integer(a), MAX_CPUS);
                break;
            case 'meminfo':
                memTotalKb = integer(/^MemTotal:\s*(\d+)\s*kB/.exec(a)?.[1] ?? '');
                break;
            case 'cgroup':
                cgroup[a] = b;
                break;
            case 'ca-setting':
                caSettings[a] = b;
                break;
            case 'ca-file':
                caFiles.push({ via: a, path: b, pem: [] });
                break;
            case 'ca-pem':
                caFiles.at(-1)?.pem.push(a);
                break;
            case 'ca-missing':
                issues.push({
                    severity: 'warning',
                    message: `${a} names ${b}, which is not a readable file or folder there.`,
                });
                break;
            case 'ca-too-big':
                issues.push({
                    severity: 'info',
                    message: `${b} (${a}) is over 1 MiB; its certificates were not read.`,
                });
                break;
            case 'cwd':
                workingDir = a || null;
                break;
            case 'fs-case':
                caseSensitive = a === 'sensitive' ? true : a === 'insensitive' ? false : null;
                break;
            default:
                break;
        }
    }

    if (unhashed.length > 0) {
        const why = keyMissing ? 'no env hash key reached the probe' : 'sha256sum is missing there';
        issues.push({
            severity: 'info',
            message: `${why}, so ${unhashed.length} environment variable(s) are known by name only (empty hash): ${unhashed.join(', ')}.`,
        });
    }
    const certificates: CertificateFacts = {
        extra: extraCertificates(
            caFiles.map((file) => ({ via: file.via, path: file.path, text: file.pem.join('\n') })),
            issues,
        ),
        settings: caSettings,
    };
    return {
        platform: platformFacts(osRelease, uname, libc, issues),
        runtimes,
        packageManagers,
        systemPackages: packageDb === null ? null : { manager: packageDb, packages: sortedRecord(packages) },
        env: sortedRecord(env),
        locale: probeLocale(localeVars, charmap),
        timezone: probeTimezone(tz),
        user,
        umask,
        limits,
        resources: probeResources(cpus, memTotalKb, cgroup),
        certificates,
        filesystem: { caseSensitive },
        workingDir,
        issues,
        ...(unread.length > 0 ? { unread } : {}),
    };
}

/** The section each record kind fills (PROBE_SCRIPT prints the sections in PROBED_SECTIONS order). */
const SECTION_OF: Readonly<Record<string, ProbedSection>> = {
    'os-release': 'platform',
    uname: 'platform',
    libc: 'platform',
    runtime: 'runtimes',
    pm: 'packageManagers',
    pkgdb: 'systemPackages',
    pkg: 'systemPackages',
    env: 'env',
    'env-key': 'env',
    'locale-var': 'locale',
    'locale-charmap': 'locale',
    'tz-var': 'timezone',
    'tz-file': 'timezone',
    'tz-localtime': 'timezone',
    'tz-offset': 'timezone',
    user: 'user',
    umask: 'umask',
    limit: 'limits',
    cpus: 'resources',
    meminfo: 'resources',
    cgroup: 'resources',
    'ca-setting': 'certificates',
    'ca-file': 'certificates',
    'ca-pem': 'certificates',
    'ca-missing': 'certificates',
    'ca-too-big': 'certificates',
    'fs-case': 'filesystem',
};

/** Sections printed as a single record: once that record is there, the section is whole. */
const ONE_RECORD: ReadonlySet<ProbedSection> = new Set(['user', 'umask']);

/**
 * For output cut short: the section the last whole record belongs to (more of it may have followed, unless it
 * is one record long) and every section after it. Sections a probe prints nothing for (no runtime) cannot
 * be told apart from sections not reached, so everything after the last record counts as unread.
 */
function unreadSections(records: readonly (readonly string[])[]): ProbedSection[] {
    let last = -1;
    let whole = false;
    for (const [kind = ''] of records) {
        const section = SECTION_OF[kind];
        if (section !== undefined) {
            const index = PROBED_SECTIONS.indexOf(section);
            if (index >= last) {
                last = index;
                whole = ONE_RECORD.has(section);
            }
        }
    }
    return PROBED_SECTIONS.filter((_, index) => index > last || (index === last && !whole));
}

/** What a probe that printed nothing useful leaves: every section "not knowable". */
export function emptyProbeFacts(): ProbeFacts {
    return {
        platform: {
            os: 'unknown',
            distro: null,
            kernel: null,
            arch: 'unknown',
            libc: { family: 'unknown', version: null },
        },
        runtimes: {},
        packageManagers: [],
        systemPackages: null,
        env: {},
        locale: { vars: {}, effective: 'C', encoding: null },
        timezone: { name: null, tzVar: null, offsetMinutes: null },
        user: null,
        umask: null,
        limits: emptyLimits(),
        resources: { cpus: null, memoryBytes: null, memoryLimitBytes: null },
        certificates: { extra: [], settings: {} },
        filesystem: { caseSensitive: null } satisfies FilesystemFacts,
        workingDir: null,
        issues: [],
    };
}

function emptyLimits(): LimitsFacts {
    return { nofile: null, nproc: null };
}

/** Records are tab-separated, percent-encoded fields; a last line without its newline was cut off. */
function decodeRecords(text: string): { records: string[][]; complete: boolean } {
    const lines = text.split('\n');
    const tail = lines.pop();
    const records = lines.map((line) => line.split('\t').map(decodeField));
    const complete = tail === '' && records.at(-1)?.[0] === 'end';
    return { records: complete ? records.slice(0, -1) : records, complete };
}

/** A field, cut to the longest text a snapshot holds: what an image prints is not to be trusted to be short. */
function decodeField(field: string): string {
    const decoded = field.includes('%')
        ? field.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        : field;
    return decoded.slice(0, MAX_LINE);
}

function managerVersion(
    name: string,
    path: string,
    version: string,
    how: string,
    packageName: string,
    packages: readonly string[],
    issues: CaptureIssue[],
): string | null {
    if (how === 'package.json' && packages.length > 0 && !packages.includes(packageName)) {
        issues.push(
            packageName === 'corepack'
                ? {
                      severity: 'info',
                      message: `${name} at ${path} is a Corepack shim: the version it runs comes from the project's packageManager field, downloaded on first use.`,
                  }
                : {
                      severity: 'warning',
                      message: `${name} at ${path} belongs to the package "${packageName}", not ${name}; its version is unknown.`,
                  },
        );
        return null;
    }
    const parsed = how === 'package.json' || how === 'dist-info' ? version || null : toolVersion(version);
    if (parsed === null) {
        issues.push({
            severity: 'warning',
            message: `${name} at ${path} did not report a version${version ? ` (it printed "${version}")` : ''}.`,
        });
    }
    return parsed;
}

function platformFacts(
    osRelease: readonly string[],
    uname: readonly string[],
    libc: readonly string[] | null,
    issues: CaptureIssue[],
): PlatformFacts {
    const release = parseOsRelease(osRelease.join('\n'));
    const [sysname = '', kernel = '', machine = ''] = uname;
    let family: PlatformFacts['libc']['family'] = 'unknown';
    let version: string | null = null;
    if (libc !== null) {
        const [kind = '', text = ''] = libc;
        if (kind === 'glibc' || kind === 'musl') {
            family = kind;
            version = libcVersion(text);
        } else if (kind === 'none') {
            family = 'none';
            issues.push({
                severity: 'info',
                message:
                    'No C library found (no glibc, no musl loader): the userland is statically linked, like BusyBox. Dynamically linked programs and native modules cannot run there.',
            });
        }
    }
    return {
        os: sysname ? sysname.toLowerCase() : 'unknown',
        distro: release.ID
            ? { id: release.ID, versionId: release.VERSION_ID ?? null, prettyName: release.PRETTY_NAME ?? null }
            : null,
        kernel: kernel || null,
        arch: machine ? dockerArch(machine) : 'unknown',
        libc: { family, version },
    };
}

function probeLocale(vars: Readonly<Record<string, string>>, charmap: string | null): LocaleFacts {
    const facts = localeFacts(vars);
    return charmap === null ? facts : { ...facts, encoding: charmap.toUpperCase() };
}

function probeResources(
    nproc: number | null,
    memTotalKb: number | null,
    cgroup: Readonly<Record<string, string>>,
): ResourcesFacts {
    const memoryBytes = memTotalKb === null ? null : bounded(memTotalKb * 1024, MAX_EXACT);
    const memoryLimit = integer(
        cgroup['/sys/fs/cgroup/memory.max'] ?? cgroup['/sys/fs/cgroup/memory/memory.limit_in_bytes'] ?? '',
    );
    // cgroup v1 says "no limit" with a huge page-aligned number; only a limit below the machine's memory counts.
    const memoryLimitBytes =
        memoryLimit !== null &&
        memoryLimit > 0 &&
        (memoryBytes === null ? memoryLimit < MAX_EXACT : memoryLimit < memoryBytes)
            ? memoryLimit
            : null;
    let quota: number | null = null;
    const v2 = cgroup['/sys/fs/cgroup/cpu.max']?.split(' ');
    if (v2 && v2[0] !== 'max') {
        quota = ratio(v2[0], v2[1]);
    } else {
        for (const dir of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
            quota ??= ratio(cgroup[`${dir}/cpu.cfs_quota_us`], cgroup[`${dir}/cpu.cfs_period_us`]);
        }
    }
    const cpus = quota === null ? nproc : Math.min(nproc ?? MAX_CPUS, Math.round(quota * 100) / 100);
    return { cpus, memoryBytes, memoryLimitBytes };
}

function ratio(quota: string | undefined, period: string | undefined): number | null {
    const q = integer(quota ?? '');
    const p = integer(period ?? '');
    return q !== null && p !== null && q > 0 && p > 0 ? q / p : null;
}

function integer(text: string): number | null {
    return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A number the schema can hold, else null: an id past 32 bits or a size past 2^53 is not real. */
function bounded(value: number | null, maximum: number): number | null {
    return value !== null && value <= maximum ? value : null;
}

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function firstLine(text: string): string {
    const line = text.trim().split('\n')[0] ?? '';
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
