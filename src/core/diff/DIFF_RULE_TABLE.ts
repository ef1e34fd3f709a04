import type { Severity } from '../findings/Finding';

export interface DiffRule {
    readonly facet: string;
    readonly severity: Severity;
    /** What the rule reports, one sentence for docs/diff.md and for a user choosing an override. */
    readonly description: string;
}

/**
 * Every rule the diff applies, with its default severity: the one place severities are decided. Users
 * override them by id in .parity/config.json or settings; docs/diff.md lists this table (a test keeps it in sync).
 */
export const DIFF_RULE_TABLE = {
    'runtime.major': {
        facet: 'runtimes',
        severity: 'error',
        description: 'The runtime that runs differs by a major version (Java: feature release).',
    },
    'runtime.minor': {
        facet: 'runtimes',
        severity: 'warning',
        description: 'The runtime differs by a minor version (Python 3.11 → 3.12, Go 1.21 → 1.22).',
    },
    'runtime.patch': {
        facet: 'runtimes',
        severity: 'info',
        description: 'The runtime differs by a patch or pre-release.',
    },
    'runtime.version': {
        facet: 'runtimes',
        severity: 'warning',
        description: 'The runtime versions differ in a way its version scheme cannot rank.',
    },
    'runtime.missing': {
        facet: 'runtimes',
        severity: 'error',
        description: 'A runtime is installed on one side only.',
    },
    'runtime.unsatisfied': {
        facet: 'runtimes',
        severity: 'warning',
        description: 'On one side, the installed runtime does not satisfy a version the project pins.',
    },
    'runtime.not-installed': {
        facet: 'runtimes',
        severity: 'warning',
        description: 'On one side, a runtime the project pins is not installed.',
    },
    'runtime.pins-conflict': {
        facet: 'runtimes',
        severity: 'warning',
        description: 'Two pins of one runtime that no version satisfies together.',
    },
    'platform.os': {
        facet: 'platform',
        severity: 'error',
        description: 'The operating systems differ (linux, darwin, win32).',
    },
    'platform.arch': {
        facet: 'platform',
        severity: 'error',
        description: 'The CPU architectures differ (amd64, arm64 …): native code and images must match.',
    },
    'platform.distro': {
        facet: 'platform',
        severity: 'warning',
        description: 'The Linux distributions differ (debian, alpine …).',
    },
    'platform.distro-version': {
        facet: 'platform',
        severity: 'info',
        description: 'The same distribution in another release.',
    },
    'platform.libc-family': {
        facet: 'platform',
        severity: 'error',
        description: 'The C libraries differ (glibc, musl …): native modules built for one do not load on the other.',
    },
    'platform.libc-version': {
        facet: 'platform',
        severity: 'warning',
        description:
            'The same C library in another version: binaries built against a newer glibc fail on an older one.',
    },
    'packages.added': {
        facet: 'packages',
        severity: 'info',
        description: 'A system package installed only on the `to` side.',
    },
    'packages.removed': {
        facet: 'packages',
        severity: 'info',
        description: 'A system package installed only on the `from` side.',
    },
    'packages.changed': { facet: 'packages', severity: 'info', description: 'A system package in another version.' },
    'packages.native': {
        facet: 'packages',
        severity: 'warning',
        description: 'A system package a native dependency of the project needs is missing or in another version.',
    },
    'env.required-missing': {
        facet: 'env',
        severity: 'error',
        description:
            'A variable the project requires (config requiredEnv, or a key of .env / .env.example) is missing on one side.',
    },
    'env.missing': {
        facet: 'env',
        severity: 'warning',
        description: 'A variable set on the `from` side is missing on the `to` side.',
    },
    'env.host-only': {
        facet: 'env',
        severity: 'info',
        description:
            "A variable of the `from` machine's own environment (a developer's shell) that the project does not declare is missing on the `to` side.",
    },
    'env.added': { facet: 'env', severity: 'info', description: 'A variable set only on the `to` side.' },
    'env.value': {
        facet: 'env',
        severity: 'warning',
        description: 'A variable set on both sides with another value (compared by hash only).',
    },
    'locale.effective': {
        facet: 'locale',
        severity: 'warning',
        description: 'The locale programs get differs (LC_ALL > LC_CTYPE > LANG).',
    },
    'locale.encoding': {
        facet: 'locale',
        severity: 'warning',
        description: 'The character encoding differs (UTF-8 against ASCII breaks non-ASCII text and file names).',
    },
    'timezone.name': {
        facet: 'timezone',
        severity: 'warning',
        description: 'The time zone differs (by name, or by UTC offset where no name is known).',
    },
    'user.root': { facet: 'user', severity: 'warning', description: 'The app runs as root on one side only.' },
    'user.uid': {
        facet: 'user',
        severity: 'warning',
        description: 'The app runs under another uid: file ownership and permissions behave differently.',
    },
    'user.gid': { facet: 'user', severity: 'info', description: 'The app runs under another primary gid.' },
    umask: {
        facet: 'umask',
        severity: 'info',
        description: 'The umask differs: files are created with other permissions.',
    },
    'limits.lower': {
        facet: 'limits',
        severity: 'warning',
        description: 'A limit (nofile, nproc) is lower on the `to` side.',
    },
    'limits.higher': {
        facet: 'limits',
        severity: 'info',
        description: 'A limit (nofile, nproc) is higher on the `to` side.',
    },
    'resources.lower': {
        facet: 'resources',
        severity: 'warning',
        description: 'Less memory or fewer CPUs on the `to` side (a cgroup limit counts over the machine).',
    },
    'resources.higher': { facet: 'resources', severity: 'info', description: 'More memory or CPUs on the `to` side.' },
    'certificates.missing': {
        facet: 'certificates',
        severity: 'warning',
        description:
            'An extra CA trusted on the `from` side is not trusted on the `to` side (compared by fingerprint).',
    },
    'certificates.added': {
        facet: 'certificates',
        severity: 'info',
        description: 'An extra CA trusted only on the `to` side.',
    },
    'filesystem.case': {
        facet: 'filesystem',
        severity: 'warning',
        description: 'One file system tells `File` and `file` apart, the other does not.',
    },
    'app.start-command': { facet: 'app', severity: 'warning', description: 'The app is started with another command.' },
    'app.port': { facet: 'app', severity: 'warning', description: 'The app listens on other ports.' },
    'swarm.drift': {
        facet: 'swarm',
        severity: 'warning',
        description:
            "A task of a Swarm service differs from the service's reference task (its lowest slot): replicas that should be alike are not. An error when the difference is one between two environments (a runtime's major version …).",
    },
} as const satisfies Readonly<Record<string, DiffRule>>;

export type RuleId = keyof typeof DIFF_RULE_TABLE;
