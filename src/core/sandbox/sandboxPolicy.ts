import { posix } from 'node:path';
import { isRootUser } from '../isRootUser';
import { isSecretName } from '../snapshot/isSecretName';
import type { LimitPair, Snapshot } from '../snapshot/Snapshot';
import type { ContainerCreateOptions, PortBinding, Ulimit } from './ContainerCreateOptions';
import { formatMiB } from './parseSize';
import {
    CONTAINER_LABEL,
    IMAGE_LABEL,
    MANAGED_LABEL,
    OWNER_LABEL,
    PORT_LABEL,
    PROJECT_LABEL,
    PURPOSE_LABEL,
    SANDBOX_PURPOSE,
} from './sandboxLabels';

export const DEFAULT_MEMORY_BYTES = 512 * 1024 * 1024;
export const DEFAULT_CPUS = 1;
export const DEFAULT_PIDS = 256;
/** Each writable path is a tmpfs of this size; it counts against the memory limit. */
export const DEFAULT_TMPFS_BYTES = 64 * 1024 * 1024;
/** The engine refuses a smaller memory limit. */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;
/** nobody:nogroup — the user an image that runs as root gets instead. */
export const NOBODY = '65534:65534';

/** Where a limit came from, so the summary can say why the sandbox is as it is. */
export type LimitSource = 'default' | 'setting' | 'target' | 'image';

export interface Sourced<T> {
    readonly value: T;
    readonly source: LimitSource;
}

/** The parts of an image's config the policy reads, as `GET /images/{name}/json` gives them. */
export interface SandboxImageConfig {
    readonly User?: string | null;
    readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
    readonly Env?: readonly string[] | null;
    readonly Volumes?: Readonly<Record<string, unknown>> | null;
}

/** What the user set (VS Code settings, CLI flags); anything absent takes Parity's default. */
export interface SandboxSettings {
    readonly memoryBytes?: number;
    readonly cpus?: number;
    readonly pids?: number;
    /** Absolute paths that get a writable tmpfs besides /tmp (the root file system is read-only). */
    readonly writablePaths?: readonly string[];
    readonly tmpfsBytes?: number;
    readonly network?: 'bridge' | 'none';
    /** Plain, non-secret variables; they win over `dotenv`. */
    readonly env?: Readonly<Record<string, string>>;
    /** The project's .env, only when the user opted in. Its values are passed to the engine and never logged. */
    readonly dotenv?: Readonly<Record<string, string>>;
    /** Values the user gave for a target's variables (Run like Target): over .env, under `env`; never logged. */
    readonly givenEnv?: Readonly<Record<string, string>>;
    /** Plain variables taken from a target (TZ, the locale): over the given ones, under `env`. */
    readonly targetEnv?: Readonly<Record<string, string>>;
    /** The loopback port to publish on; absent: the engine picks a free one. */
    readonly hostPort?: number;
    /** The project folder, recorded as the `parity.project` label. */
    readonly projectLabel?: string;
    /** The process that owns the sandbox, recorded as the `parity.owner` label (see sandboxOwner). */
    readonly ownerLabel?: string;
}

/** A snapshot of where the app really runs: its limits and user win over settings (limits parity). */
export type SandboxTarget = Pick<Snapshot, 'meta' | 'resources' | 'limits' | 'user'>;

export interface SandboxPolicyInput {
    /** The container's name. */
    readonly name: string;
    readonly image: { readonly ref: string; readonly config: SandboxImageConfig | null };
    /** The app's port (from the plan, or given); absent or null: the image's lowest exposed TCP port. */
    readonly port?: number | null;
    /** A command instead of the image's CMD (another Procfile process, a one-off); the ENTRYPOINT stays. */
    readonly command?: readonly string[];
    readonly settings?: SandboxSettings;
    readonly target?: SandboxTarget;
    /** The engine's CPU count: a CPU limit above it is lowered, since the engine would refuse it. */
    readonly engineCpus?: number;
    /** The engine's memory: a memory limit above it is lowered, so no file can lift the sandbox's limit. */
    readonly engineMemoryBytes?: number;
}

export interface SandboxLimits {
    readonly memoryBytes: Sourced<number>;
    readonly cpus: Sourced<number>;
    readonly pids: Sourced<number>;
    readonly user: Sourced<string>;
    readonly nofile: Sourced<LimitPair> | null;
    readonly nproc: Sourced<LimitPair> | null;
}

export interface SandboxPolicy {
    readonly name: string;
    readonly image: string;
    /** The body for `POST /containers/create?name=…`. */
    readonly create: ContainerCreateOptions;
    /** The app's port inside the container; null when none is known (nothing is published then). */
    readonly port: number | null;
    readonly network: 'bridge' | 'none';
    readonly limits: SandboxLimits;
    /** What is locked down and each limit with where it came from, one line each, for a person. */
    readonly summary: readonly string[];
    /** Things worth knowing that changed what the user asked for (root image, clamped CPUs …). */
    readonly notes: readonly string[];
}

/** Settings the engine would refuse or that would defeat the sandbox. */
export class SandboxPolicyError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SandboxPolicyError';
    }
}

/**
 * The locked-down container for an app: a non-root user, no capabilities, no-new-privileges, a read-only
 * root with small tmpfs mounts for /tmp and the configured paths, memory without swap, a CPU share and a
 * process limit, the app's port on 127.0.0.1 only, no host folder, volume or socket, bounded logs — and,
 * when a target snapshot is given, that target's memory, CPUs, open-file and process limits and user.
 * Pure: the runner (src/engine/sandbox) sends the result as it is.
 */
export function sandboxPolicy(input: SandboxPolicyInput): SandboxPolicy {
    const settings = input.settings ?? {};
    const notes: string[] = [];
    const target = input.target;
    const targetName = target ? `the target's snapshot (${target.meta.source.kind} ${target.meta.source.ref})` : '';

    let memory = pick(settings.memoryBytes, target?.resources.memoryLimitBytes ?? null, DEFAULT_MEMORY_BYTES);
    if (!Number.isFinite(memory.value) || memory.value < MIN_MEMORY_BYTES) {
        throw new SandboxPolicyError(
            `A memory limit of ${memory.value} bytes is below the engine's minimum of ${formatMiB(MIN_MEMORY_BYTES)}.`,
        );
    }
    const engineMemory = input.engineMemoryBytes;
    if (engineMemory !== undefined && engineMemory >= MIN_MEMORY_BYTES && memory.value > engineMemory) {
        notes.push(
            `${memory.source === 'target' ? 'The target has' : 'You asked for'} ${formatMiB(memory.value)} of memory; the engine has ${formatMiB(engineMemory)}, so the sandbox gets ${formatMiB(engineMemory)}.`,
        );
        memory = { value: engineMemory, source: memory.source };
    }
    let cpus = pick(settings.cpus, target?.resources.cpus ?? null, DEFAULT_CPUS);
    if (!Number.isFinite(cpus.value) || cpus.value < 0.01) {
        throw new SandboxPolicyError(`A CPU limit of ${cpus.value} is not possible: give at least 0.01.`);
    }
    if (input.engineCpus !== undefined && cpus.value > input.engineCpus) {
        notes.push(
            `${cpus.source === 'target' ? 'The target has' : 'You asked for'} ${cpus.value} CPUs; the engine has ${input.engineCpus}, so the sandbox gets ${input.engineCpus}.`,
        );
        cpus = { value: input.engineCpus, source: cpus.source };
    }
    const pids = pick(settings.pids, null, DEFAULT_PIDS);
    if (!Number.isInteger(pids.value) || pids.value < 1) {
        throw new SandboxPolicyError(
            `A process limit of ${pids.value} is not possible: give a whole number of at least 1.`,
        );
    }
    const user = userFor(input.image.config?.User ?? '', target, notes);
    const nofile = ulimitFrom(target?.limits.nofile ?? null, 'open files', notes);
    const nproc = ulimitFrom(target?.limits.nproc ?? null, 'processes per user', notes);

    const network = settings.network ?? 'bridge';
    const port = appPort(input.port ?? null, input.image.config?.ExposedPorts ?? null);
    if (port === null) {
        notes.push(
            'No port is known for the app (the plan has none and the image exposes none): nothing is published. Give one with --port.',
        );
    }
    if (settings.hostPort !== undefined && !validPort(settings.hostPort)) {
        throw new SandboxPolicyError(`${settings.hostPort} is not a TCP port (1–65535).`);
    }
    const publish = network === 'bridge' && port !== null;
    if (network === 'none' && settings.hostPort !== undefined) {
        notes.push(`The network is off, so host port ${settings.hostPort} is not published.`);
    }

    const tmpfsBytes = settings.tmpfsBytes ?? DEFAULT_TMPFS_BYTES;
    if (!Number.isInteger(tmpfsBytes) || tmpfsBytes < 1024 * 1024) {
        throw new SandboxPolicyError('Writable paths need at least 1 MiB each.');
    }
    const writable = writablePaths(settings.writablePaths ?? [], Object.keys(input.image.config?.Volumes ?? {}), notes);
    const tmpfsOptions = `rw,noexec,nosuid,nodev,size=${tmpfsBytes},mode=1777`;

    const env = environment(settings, input.image.config?.Env ?? [], notes);
    const containerPort = port === null ? null : `${port}/tcp`;
    const binding: PortBinding = {
        HostIp: '127.0.0.1',
        HostPort: settings.hostPort === undefined ? '' : String(settings.hostPort),
    };

    const ulimits: Ulimit[] = [];
    if (nofile) {
        ulimits.push({ Name: 'nofile', Soft: nofile.value.soft ?? 0, Hard: nofile.value.hard ?? 0 });
    }
    if (nproc) {
        ulimits.push({ Name: 'nproc', Soft: nproc.value.soft ?? 0, Hard: nproc.value.hard ?? 0 });
    }

    const create: ContainerCreateOptions = {
        Image: input.image.ref,
        User: user.value,
        ...(input.command && input.command.length > 0 ? { Cmd: [...input.command] } : {}),
        Env: env.entries,
        Labels: {
            [CONTAINER_LABEL]: input.name,
            [MANAGED_LABEL]: 'true',
            [PURPOSE_LABEL]: SANDBOX_PURPOSE,
            ...(settings.projectLabel ? { [PROJECT_LABEL]: settings.projectLabel } : {}),
            ...(settings.ownerLabel ? { [OWNER_LABEL]: settings.ownerLabel } : {}),
            [IMAGE_LABEL]: input.image.ref,
            ...(port === null ? {} : { [PORT_LABEL]: String(port) }),
        },
        ExposedPorts: containerPort === null ? {} : { [containerPort]: {} },
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        OpenStdin: false,
        Tty: false,
        HostConfig: {
            NetworkMode: network,
            PortBindings: publish && containerPort !== null ? { [containerPort]: [binding] } : {},
            PublishAllPorts: false,
            Binds: [],
            Mounts: [],
            VolumesFrom: [],
            Devices: [],
            Tmpfs: Object.fromEntries(writable.map((path) => [path, tmpfsOptions])),
            ReadonlyRootfs: true,
            Privileged: false,
            CapDrop: ['ALL'],
            CapAdd: [],
            SecurityOpt: ['no-new-privileges'],
            IpcMode: 'private',
            PidMode: '',
            CgroupnsMode: 'private',
            Memory: memory.value,
            MemorySwap: memory.value,
            NanoCpus: Math.round(cpus.value * 1e9),
            PidsLimit: pids.value,
            Ulimits: ulimits,
            AutoRemove: false,
            RestartPolicy: { Name: 'no' },
            LogConfig: { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '1' } },
        },
    };

    const from = (source: LimitSource): string =>
        source === 'target'
            ? targetName
            : source === 'setting'
              ? 'your setting'
              : source === 'image'
                ? "the image's USER"
                : "Parity's default";
    const summary = [
        `User ${user.value} — ${user.source === 'default' ? 'the image would run as root' : from(user.source)}; all capabilities dropped; no-new-privileges.`,
        `Memory ${formatMiB(memory.value)}, no swap — ${from(memory.source)}.`,
        `CPUs ${formatCpus(cpus.value)} — ${from(cpus.source)}.`,
        `At most ${pids.value} processes — ${from(pids.source)}.`,
        ...(nofile ? [`Open files ${formatPair(nofile.value)} — ${targetName}.`] : []),
        ...(nproc
            ? [`Processes per user ${formatPair(nproc.value)} (counted per uid across the engine) — ${targetName}.`]
            : []),
        `Root file system read-only; writable: ${writable.map((path) => `${path} (tmpfs ${formatMiB(tmpfsBytes)})`).join(', ')}.`,
        network === 'none'
            ? 'Network: none — the app cannot reach anything or be reached.'
            : publish
              ? `Network: bridge; port ${port} published on 127.0.0.1 only (${settings.hostPort === undefined ? 'a free port' : `port ${settings.hostPort}`}), never on other addresses.`
              : 'Network: bridge; nothing published.',
        'No host folders, volumes or Docker socket mounted.',
        `Environment: ${env.describe}.`,
    ];
    return {
        name: input.name,
        image: input.image.ref,
        create,
        port,
        network,
        limits: { memoryBytes: memory, cpus, pids, user, nofile, nproc },
        summary,
        notes,
    };
}

/** The target's value wins, then the user's setting, then the default. */
function pick(setting: number | undefined, fromTarget: number | null, fallback: number): Sourced<number> {
    if (fromTarget !== null && fromTarget > 0) {
        return { value: fromTarget, source: 'target' };
    }
    if (setting !== undefined) {
        return { value: setting, source: 'setting' };
    }
    return { value: fallback, source: 'default' };
}

/** The target's uid/gid when it is not root, else the image's USER when it is not root, else nobody. */
function userFor(imageUser: string, target: SandboxTarget | undefined, notes: string[]): Sourced<string> {
    const uid = target?.user?.uid ?? null;
    if (uid !== null && !isRootUser(uid)) {
        return { value: `${uid}:${target?.user?.gid ?? uid}`, source: 'target' };
    }
    if (uid !== null) {
        notes.push('The target runs as root; the sandbox never does.');
    }
    if (!isRootUser(imageUser)) {
        return { value: imageUser, source: 'image' };
    }
    notes.push(
        `The image runs as root; the sandbox runs it as ${NOBODY} (nobody). Add a USER to the Dockerfile if the app needs its own user.`,
    );
    return { value: NOBODY, source: 'default' };
}

/** A target's ulimit, when it is finite (the engine cannot set "unlimited" for every limit). */
function ulimitFrom(pair: LimitPair | null, what: string, notes: string[]): Sourced<LimitPair> | null {
    if (pair === null) {
        return null;
    }
    const soft = pair.soft ?? pair.hard;
    const hard = pair.hard ?? pair.soft;
    if (soft === null || hard === null) {
        notes.push(`The target has no limit on ${what}; the sandbox keeps the engine's.`);
        return null;
    }
    return { value: { soft: Math.min(soft, hard), hard }, source: 'target' };
}

function validPort(port: number): boolean {
    return Number.isInteger(port) && port >= 1 && port <= 65535;
}

function appPort(given: number | null, exposed: Readonly<Record<string, unknown>> | null): number | null {
    if (given !== null) {
        if (!validPort(given)) {
            throw new SandboxPolicyError(`${given} is not a TCP port (1–65535).`);
        }
        return given;
    }
    const ports = Object.keys(exposed ?? {})
        .map((key) => /^(\d+)(?:\/tcp)?$/.exec(key)?.[1])
        .filter((value): value is string => value !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    return ports[0] ?? null;
}

/** /tmp, the configured paths and the image's VOLUMEs (a tmpfs there keeps the engine from creating a volume). */
function writablePaths(configured: readonly string[], volumes: readonly string[], notes: string[]): string[] {
    const paths = new Set<string>(['/tmp']);
    for (const raw of configured) {
        if (!raw.startsWith('/')) {
            throw new SandboxPolicyError(`Writable path "${raw}" is not absolute.`);
        }
        const path = posix.normalize(raw).replace(/\/+$/, '');
        if (path === '' || /^\/(proc|sys|dev)(\/|$)/.test(path)) {
            throw new SandboxPolicyError(
                `"${raw}" cannot be made writable: only folders of the app's own file system can.`,
            );
        }
        paths.add(path);
    }
    for (const volume of volumes) {
        const path = posix.normalize(volume).replace(/\/+$/, '');
        if (path !== '' && !paths.has(path)) {
            paths.add(path);
            notes.push(
                `The image declares VOLUME ${path}; the sandbox gives it a tmpfs instead, so no volume is created.`,
            );
        }
    }
    return [...paths];
}

/** `NAME=value` entries (.env first, settings over it) and a description that names no value. */
function environment(
    settings: SandboxSettings,
    imageEnv: readonly string[],
    notes: string[],
): { entries: string[]; describe: string } {
    const values = new Map<string, string>();
    for (const [name, value] of Object.entries(settings.dotenv ?? {})) {
        values.set(name, value);
    }
    for (const [name, value] of Object.entries(settings.givenEnv ?? {})) {
        values.set(name, value);
    }
    const fromTarget = Object.entries(settings.targetEnv ?? {});
    for (const [name, value] of fromTarget) {
        values.set(name, value);
    }
    const plain = Object.entries(settings.env ?? {});
    for (const [name, value] of plain) {
        values.set(name, value);
        if (isSecretName(name)) {
            notes.push(
                `${name} looks like a secret but comes from plain settings; keep secrets in .env and opt in to passing it.`,
            );
        }
    }
    const imageNames = new Set(imageEnv.map((entry) => entry.split('=')[0]));
    const overridden = [...values.keys()].filter((name) => imageNames.has(name));
    const dotenvCount = Object.keys(settings.dotenv ?? {}).length;
    const given = Object.keys(settings.givenEnv ?? {});
    const parts = [
        ...(plain.length > 0 ? [`${plain.length} from settings (${plain.map(([name]) => name).join(', ')})`] : []),
        ...(settings.dotenv ? [`${dotenvCount} from .env (values not shown)`] : []),
        ...(given.length > 0 ? [`${given.length} given for the target (${given.join(', ')}; values not shown)`] : []),
        ...(fromTarget.length > 0
            ? [
                  `${fromTarget.length} as on the target (${fromTarget.map(([name, value]) => (value === '' ? `${name} emptied` : `${name}=${value}`)).join(', ')})`,
              ]
            : []),
    ];
    const describe =
        parts.length === 0
            ? "the image's own only; .env is not passed"
            : `the image's plus ${parts.join(' and ')}${overridden.length > 0 ? `; overrides the image's ${overridden.join(', ')}` : ''}`;
    return { entries: [...values].map(([name, value]) => `${name}=${value}`), describe };
}

function formatCpus(cpus: number): string {
    return Number.isInteger(cpus) ? String(cpus) : cpus.toFixed(2).replace(/0+$/, '');
}

function formatPair(pair: LimitPair): string {
    return pair.soft === pair.hard ? String(pair.soft) : `${pair.soft} soft / ${pair.hard} hard`;
}
