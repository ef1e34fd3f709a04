import { isRootUser } from '../isRootUser';
import type { LimitPair, RuntimeName, Snapshot } from '../snapshot/Snapshot';
import { MIN_MEMORY_BYTES, type SandboxTarget } from './sandboxPolicy';

/**
 * What the sandbox may take from a target at most: a target's value above one is lowered to it and says so.
 * The front end passes the engine's own memory, CPUs and hard ulimits (it refuses more); the defaults are
 * Linux's nr_open default and a per-uid process count that cannot starve the engine's other users.
 */
export interface LikeTargetCaps {
    readonly memoryBytes: number;
    readonly cpus: number;
    readonly nofile: number;
    readonly nproc: number;
}

export const LIKE_TARGET_CAPS: LikeTargetCaps = {
    memoryBytes: 16 * 1024 * 1024 * 1024,
    cpus: 64,
    nofile: 1_048_576,
    nproc: 65_536,
};

/** How many of a target's variables are carried over at most: a snapshot listing more is not an app's environment. */
export const MAX_TARGET_ENV_NAMES = 200;

/** The project's image as it would be built: what Run like Target may change in it. */
export interface LikeProject {
    /** The runtime its base image carries (the plan's choice); null for a plan without one (generic). */
    readonly runtime: { readonly name: RuntimeName; readonly version: string } | null;
    /** Null when the image can be rebuilt with another runtime version; else why not (the user's Dockerfile, a base image override). */
    readonly fixedBecause: string | null;
}

export interface LikeTargetInput {
    readonly target: Snapshot;
    /** How the user named the target (`container:web@tcp://…`), used in every note instead of the snapshot's own words. */
    readonly targetName: string;
    /** The project folder's image; null when an image is run as it is (its runtime cannot change). */
    readonly project: LikeProject | null;
    /** Variables the image to run sets itself (its ENV): they keep the image's value and are not asked for. */
    readonly imageEnvNames: readonly string[];
    /** Names defined in the project's .env: their values come from there. */
    readonly dotenvKeys: readonly string[];
    readonly caps?: Partial<LikeTargetCaps>;
}

export type LikeFacet = 'runtime' | 'user' | 'timezone' | 'locale' | 'resources' | 'limits' | 'env';

export interface LikeNote {
    readonly facet: LikeFacet;
    /** `taken`: the sandbox does as the target does; `capped`: lowered to the sandbox's cap; `refused`: not taken, for safety or sense; `kept`: the sandbox's own stays, for lack of a usable value. */
    readonly kind: 'taken' | 'capped' | 'refused' | 'kept';
    readonly message: string;
}

export interface LikeTargetPlan {
    /** Rebuild the project's image with this runtime version; null keeps the image as it is. */
    readonly runtime: { readonly name: RuntimeName; readonly version: string } | null;
    /** Plain variables for the sandbox: TZ and the locale variables as the target has them ('' unsets one the image sets). */
    readonly env: Readonly<Record<string, string>>;
    /** The target's own variables (values unknown): those the project's .env has, and those the user must give. */
    readonly envNames: { readonly fromDotenv: readonly string[]; readonly toAsk: readonly string[] };
    /** The target's limits, resources and user for sandboxPolicy — checked, capped, never root. */
    readonly sandboxTarget: SandboxTarget;
    readonly notes: readonly LikeNote[];
}

/** A version as image tags write it: 20.20.2, 3.12.1, 1.22 (no pre-releases, nothing a tag cannot hold). */
const VERSION = /^\d{1,4}(?:\.\d{1,6}){0,2}$/;
/** An IANA zone or a plain POSIX zone (Europe/Berlin, EST5EDT, Etc/GMT+5): no dots, so no `..` either. */
const ZONE = /^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/;
const UTC_NAMES: ReadonlySet<string> = new Set([
    'UTC',
    'Etc/UTC',
    'UCT',
    'Etc/UCT',
    'Universal',
    'Etc/Universal',
    'Zulu',
    'Etc/Zulu',
    'GMT',
    'Etc/GMT',
    'GMT0',
    'Etc/GMT0',
]);
/** A locale as LANG takes it (en_US.UTF-8, de_DE.utf8@euro, C.UTF-8); LANGUAGE also lists several with colons. */
const LOCALE = /^[A-Za-z0-9_.@+-]{1,64}$/;
const LANGUAGE = /^[A-Za-z0-9_.@+-]{1,64}(?::[A-Za-z0-9_.@+-]{1,64}){0,15}$/;
const LOCALE_VAR = /^(?:LANG|LANGUAGE|LC_[A-Z]+)$/;
/** A portable variable name: anything else could not be passed as one `NAME=value` entry. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Set by the OS, the shell or the runtime's official image: the sandbox's image sets its own. */
const SYSTEM_ENV: ReadonlySet<string> = new Set([
    'PATH',
    'HOME',
    'HOSTNAME',
    'PWD',
    'OLDPWD',
    'SHLVL',
    'TERM',
    'USER',
    'LOGNAME',
    'SHELL',
    'MAIL',
    '_',
    'container',
    'NODE_VERSION',
    'YARN_VERSION',
    'PYTHON_VERSION',
    'PYTHON_SHA256',
    'PYTHON_PIP_VERSION',
    'PYTHON_SETUPTOOLS_VERSION',
    'PYTHON_GET_PIP_URL',
    'PYTHON_GET_PIP_SHA256',
    'GPG_KEY',
    'GOLANG_VERSION',
    'GOPATH',
    'GOTOOLCHAIN',
    'JAVA_HOME',
    'JAVA_VERSION',
    'LANG_VERSION',
    'RUBY_VERSION',
    'RUBY_DOWNLOAD_SHA256',
    'RUBY_MAJOR',
    'GEM_HOME',
    'BUNDLE_SILENCE_ROOT_WARNING',
    'BUNDLE_APP_CONFIG',
]);
/**
 * Variables that belong to the machine they are set on (its agent sockets, display, Docker and Parity settings,
 * the dynamic loader): taking this machine's value into the sandbox would hand the app what it must not have.
 */
const MACHINE_ENV =
    /^(?:SSH_\w*|DOCKER_\w*|PARITY_\w*|XDG_\w*|DBUS_\w*|VSCODE_\w*|ELECTRON_\w*|DISPLAY|WAYLAND_DISPLAY|XAUTHORITY|KUBECONFIG|GPG_AGENT_INFO|GNUPGHOME|LD_\w*)$/;

/**
 * Run like Target, decided: from a target's snapshot (hostile input like any file), the project's image and
 * .env keys, what the sandbox takes over — the runtime version to rebuild with, TZ and the locale, memory,
 * CPUs, open-file and process limits, the user — and which of the target's variables the user must give
 * values for, each with a note. What it never takes: root (the sandbox stays non-root), a limit above the
 * caps, a value that is not what it claims to be (a zone with dots, a locale with shell characters, a
 * version that is no version). The hardening itself is not an input: capabilities, read-only root,
 * no-new-privileges and the network policy are sandboxPolicy's and no target reaches them.
 */
export function planLikeTarget(input: LikeTargetInput): LikeTargetPlan {
    const caps = { ...LIKE_TARGET_CAPS, ...input.caps };
    const notes: LikeNote[] = [];
    const note = (facet: LikeFacet, kind: LikeNote['kind'], message: string): void => {
        notes.push({ facet, kind, message });
    };
    const target = input.target;
    const name = input.targetName;

    const runtime = runtimeFor(input, note);
    const imageEnv = new Set(input.imageEnvNames);
    const env: Record<string, string> = {
        ...timezoneEnv(target, name, imageEnv, note),
        ...localeEnv(target, name, imageEnv, note),
    };
    const envNames = targetEnvNames(input, note);

    const memory = capped(
        target.resources.memoryLimitBytes,
        caps.memoryBytes,
        MIN_MEMORY_BYTES,
        'resources',
        `memory limit`,
        formatBytes,
        note,
        name,
    );
    const cpus = capped(target.resources.cpus, caps.cpus, 0.01, 'resources', 'CPUs', String, note, name);
    const nofile = cappedPair(target.limits.nofile, caps.nofile, 'open files (nofile)', note, name);
    const nproc = cappedPair(target.limits.nproc, caps.nproc, 'processes per user (nproc)', note, name);
    const user = userFor(target, name, note);

    return {
        runtime,
        env,
        envNames,
        sandboxTarget: {
            // The snapshot's own ref is the target's words; the summary names the target as the user did.
            meta: { ...target.meta, source: { kind: 'target', ref: name } },
            resources: { cpus, memoryBytes: null, memoryLimitBytes: memory },
            limits: { nofile, nproc },
            user,
        },
        notes,
    };
}

function runtimeFor(
    input: LikeTargetInput,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
): LikeTargetPlan['runtime'] {
    const project = input.project;
    const name = input.targetName;
    if (project === null) {
        note(
            'runtime',
            'kept',
            "An image runs as it is: its runtime version stays (run the project folder to rebuild it with the target's).",
        );
        return null;
    }
    if (project.runtime === null) {
        note(
            'runtime',
            'kept',
            "The project's image carries no runtime Parity pins, so there is no version to take from the target.",
        );
        return null;
    }
    const runtime = project.runtime.name;
    const installed = input.target.runtimes[runtime]?.installed ?? null;
    if (installed === null) {
        note(
            'runtime',
            'kept',
            `${name} has no ${runtime} Parity could see; the image keeps ${runtime} ${project.runtime.version}.`,
        );
        return null;
    }
    const version = installed.version.trim().replace(runtime === 'go' ? /^go(?=\d)/ : /^v(?=\d)/, '');
    if (!VERSION.test(version)) {
        note(
            'runtime',
            'refused',
            `${name} reports ${runtime} ${shown(installed.version)}, which is not a version an image tag can name; the image keeps ${runtime} ${project.runtime.version}.`,
        );
        return null;
    }
    if (version === project.runtime.version) {
        note('runtime', 'taken', `${name} runs ${runtime} ${version}, as the project's image does.`);
        return null;
    }
    if (project.fixedBecause !== null) {
        note(
            'runtime',
            'kept',
            `${name} runs ${runtime} ${version}, the project's image ${runtime} ${project.runtime.version}, and it cannot be rebuilt with another: ${project.fixedBecause}.`,
        );
        return null;
    }
    note(
        'runtime',
        'taken',
        `${runtime} ${version} as ${name} runs it: the image is rebuilt on it (the project's own uses ${runtime} ${project.runtime.version}).`,
    );
    return { name: runtime, version };
}

function timezoneEnv(
    target: Snapshot,
    name: string,
    imageEnv: ReadonlySet<string>,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
): Record<string, string> {
    const { tzVar, name: zoneName } = target.timezone;
    if (tzVar !== null) {
        const bare = tzVar.replace(/^:/, '');
        const zone = bare.startsWith('/') ? (/^\/usr\/share\/zoneinfo\/(.+)$/.exec(bare)?.[1] ?? null) : bare;
        if (zone === null || zone.length > 128 || !ZONE.test(zone)) {
            note(
                'timezone',
                'refused',
                `${name} sets TZ=${shown(tzVar)}, which is not a zone name the sandbox can look up; the image's zone stays.`,
            );
            return {};
        }
        note('timezone', 'taken', `TZ=${zone}, as ${name} sets it.`);
        return { TZ: zone };
    }
    if (zoneName === null) {
        note('timezone', 'kept', `${name}'s time zone is not known; the image's stays.`);
        return {};
    }
    if (zoneName.length > 128 || !ZONE.test(zoneName)) {
        note(
            'timezone',
            'refused',
            `${name} runs in ${shown(zoneName)}, which is not a zone name the sandbox can look up; the image's zone stays.`,
        );
        return {};
    }
    if (UTC_NAMES.has(zoneName)) {
        if (!imageEnv.has('TZ')) {
            note('timezone', 'taken', `${name} runs in UTC, as the image does.`);
            return {};
        }
        note('timezone', 'taken', `TZ=UTC: ${name} runs in UTC, where the image sets a zone of its own.`);
        return { TZ: 'UTC' };
    }
    note(
        'timezone',
        'taken',
        `TZ=${zoneName}: ${name} runs in ${zoneName} (through /etc/localtime; the sandbox names it through TZ).`,
    );
    return { TZ: zoneName };
}

function localeEnv(
    target: Snapshot,
    name: string,
    imageEnv: ReadonlySet<string>,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
): Record<string, string> {
    const env: Record<string, string> = {};
    const vars = target.locale.vars;
    const names = Object.keys(vars);
    for (const variable of names.filter((key) => LOCALE_VAR.test(key)).sort()) {
        const value = vars[variable] ?? null;
        if (value === null) {
            continue;
        }
        if (!(variable === 'LANGUAGE' ? LANGUAGE : LOCALE).test(value)) {
            note(
                'locale',
                'refused',
                `${name} sets ${variable}=${shown(value)}, which is not a locale name; the image's ${variable} stays.`,
            );
            continue;
        }
        env[variable] = value;
    }
    const odd = names.filter((key) => !LOCALE_VAR.test(key));
    if (odd.length > 0) {
        note(
            'locale',
            'refused',
            `${name} lists ${odd.length} locale variable${odd.length === 1 ? '' : 's'} that ${odd.length === 1 ? 'is' : 'are'} not one (${odd.slice(0, 5).map(shown).join(', ')}); left out.`,
        );
    }
    // The image's own locale variables that the target does not set are emptied: an empty one counts as unset.
    const unset = [...imageEnv]
        .filter(
            (variable) => LOCALE_VAR.test(variable) && env[variable] === undefined && (vars[variable] ?? null) === null,
        )
        .sort();
    for (const variable of unset) {
        env[variable] = '';
    }
    const set = Object.entries(env).filter(([, value]) => value !== '');
    if (set.length > 0 || unset.length > 0) {
        note(
            'locale',
            'taken',
            `${[...set.map(([key, value]) => `${key}=${value}`), ...unset.map((key) => `${key} unset`)].join(', ')}, as on ${name} (locale ${shown(target.locale.effective)}).`,
        );
    } else {
        note('locale', 'taken', `${name} sets no locale variable, as the image does not.`);
    }
    return env;
}

function targetEnvNames(
    input: LikeTargetInput,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
): LikeTargetPlan['envNames'] {
    const name = input.targetName;
    const imageEnv = new Set(input.imageEnvNames);
    const dotenv = new Set(input.dotenvKeys);
    const invalid: string[] = [];
    const machine: string[] = [];
    const imageOwn: string[] = [];
    const wanted: string[] = [];
    for (const variable of Object.keys(input.target.env).sort()) {
        if (!ENV_NAME.test(variable)) {
            invalid.push(variable);
        } else if (variable === 'TZ' || LOCALE_VAR.test(variable) || SYSTEM_ENV.has(variable)) {
            continue;
        } else if (MACHINE_ENV.test(variable)) {
            machine.push(variable);
        } else if (imageEnv.has(variable)) {
            imageOwn.push(variable);
        } else {
            wanted.push(variable);
        }
    }
    if (invalid.length > 0) {
        note(
            'env',
            'refused',
            `${name} lists ${invalid.length} variable name${invalid.length === 1 ? '' : 's'} no environment can hold (${invalid.slice(0, 5).map(shown).join(', ')}${invalid.length > 5 ? ' …' : ''}); left out.`,
        );
    }
    if (machine.length > 0) {
        note(
            'env',
            'refused',
            `${machine.join(', ')} belong${machine.length === 1 ? 's' : ''} to the machine ${machine.length === 1 ? 'it is' : 'they are'} set on (agent sockets, Docker, the loader …); not passed, so nothing of this machine's reaches the app.`,
        );
    }
    if (imageOwn.length > 0) {
        note(
            'env',
            'kept',
            `${imageOwn.join(', ')}: the image sets ${imageOwn.length === 1 ? 'it' : 'them'} itself and keeps its own value (${name}'s is not known).`,
        );
    }
    const taken = wanted.slice(0, MAX_TARGET_ENV_NAMES);
    if (wanted.length > taken.length) {
        note(
            'env',
            'refused',
            `${name} lists ${wanted.length} variables; only the first ${MAX_TARGET_ENV_NAMES} by name are carried over.`,
        );
    }
    const fromDotenv = taken.filter((variable) => dotenv.has(variable));
    const toAsk = taken.filter((variable) => !dotenv.has(variable));
    if (taken.length > 0) {
        note(
            'env',
            'taken',
            `${taken.length} of ${name}'s variable${taken.length === 1 ? '' : 's'} by name (values are never known): ${fromDotenv.length > 0 ? `${fromDotenv.join(', ')} from .env` : 'none in .env'}${toAsk.length > 0 ? `; ${toAsk.join(', ')} to be given` : ''}.`,
        );
    }
    return { fromDotenv, toAsk };
}

function capped(
    value: number | null,
    cap: number,
    minimum: number,
    facet: LikeFacet,
    what: string,
    format: (value: number) => string,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
    name: string,
): number | null {
    if (value === null) {
        note(facet, 'kept', `${name} has no ${what} Parity could see; the sandbox keeps its own.`);
        return null;
    }
    if (!Number.isFinite(value) || value < minimum) {
        note(
            facet,
            'refused',
            `${name}'s ${what} of ${format(value)} is below what a sandbox can run with (${format(minimum)}); the sandbox keeps its own.`,
        );
        return null;
    }
    if (value > cap) {
        note(
            facet,
            'capped',
            `${name} has ${format(value)} ${what}; the sandbox's cap is ${format(cap)}, so it gets ${format(cap)}.`,
        );
        return cap;
    }
    note(facet, 'taken', `${format(value)} ${what}, as on ${name}.`);
    return value;
}

function cappedPair(
    pair: LimitPair | null,
    cap: number,
    what: string,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
    name: string,
): LimitPair | null {
    if (pair === null) {
        note('limits', 'kept', `${name}'s limit on ${what} is not known; the sandbox keeps the engine's.`);
        return null;
    }
    if (pair.soft === 0 || pair.hard === 0) {
        note(
            'limits',
            'refused',
            `${name} has a limit of 0 on ${what}, which nothing can run under; the sandbox keeps the engine's.`,
        );
        return null;
    }
    const limit = (value: number | null): number | null => (value === null ? null : Math.min(value, cap));
    const over = [pair.soft, pair.hard].some((value) => value === null || value > cap);
    const result = { soft: limit(pair.soft ?? cap), hard: limit(pair.hard ?? cap) };
    if (over) {
        note(
            'limits',
            'capped',
            `${name} allows ${formatPair(pair)} ${what}; the sandbox's cap is ${cap}, so it gets ${formatPair(result)}.`,
        );
    } else {
        note('limits', 'taken', `${formatPair(pair)} ${what}, as on ${name}.`);
    }
    return result;
}

/** The target's uid and gid, never root: uid 0 leaves the image's non-root user; gid 0 becomes the uid's own group. */
function userFor(
    target: Snapshot,
    name: string,
    note: (facet: LikeFacet, kind: LikeNote['kind'], message: string) => void,
): SandboxTarget['user'] {
    const user = target.user;
    if (user === null || user.uid === null) {
        note('user', 'kept', `${name}'s user is not known; the sandbox runs as the image's non-root user.`);
        return null;
    }
    if (isRootUser(user.uid)) {
        note(
            'user',
            'refused',
            `${name} runs as root; the sandbox never does: it runs as the image's non-root user (or nobody), with every capability dropped.`,
        );
        return null;
    }
    if (user.gid === 0) {
        note(
            'user',
            'refused',
            `${name} runs as uid ${user.uid} in group 0 (root's); the sandbox uses group ${user.uid} instead.`,
        );
        return { ...user, gid: user.uid };
    }
    note('user', 'taken', `uid ${user.uid}, gid ${user.gid ?? user.uid}, as on ${name}.`);
    return user;
}

/** A value from the target as it may be shown: quoted, control characters escaped, cut short. */
function shown(text: string): string {
    return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

function formatPair(pair: LimitPair): string {
    const text = (value: number | null): string => (value === null ? 'unlimited' : String(value));
    return pair.soft === pair.hard ? text(pair.soft) : `${text(pair.soft)} soft / ${text(pair.hard)} hard`;
}

function formatBytes(bytes: number): string {
    return bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0
        ? `${bytes / 1024 ** 3} GiB`
        : `${Math.round(bytes / 1024 / 1024)} MiB`;
}
