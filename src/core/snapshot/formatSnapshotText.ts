import { formatBytes } from '../formatBytes';
import type { Finding } from '../findings/Finding';
import { findingLocation } from '../findings/findingLocation';
import type { Fact, LimitPair, RuntimeFacts, Snapshot } from './Snapshot';

/** A person's summary of a snapshot and its findings, as `parity snapshot --format text` prints it. */
export function formatSnapshotText(snapshot: Snapshot, findings: readonly Finding[]): string {
    const rows: [string, string][] = [];
    const { platform } = snapshot;
    rows.push([
        'Platform',
        [
            `${platform.os}/${platform.arch}`,
            platform.distro?.prettyName ?? platform.distro?.id,
            platform.kernel ? `kernel ${platform.kernel}` : undefined,
            platform.libc.family === 'unknown'
                ? undefined
                : `${platform.libc.family}${platform.libc.version ? ` ${platform.libc.version}` : ''}`,
        ]
            .filter(Boolean)
            .join(' · '),
    ]);
    for (const [name, facts] of Object.entries<RuntimeFacts>(snapshot.runtimes)) {
        rows.push([name, runtimeLine(facts)]);
    }
    const managers = snapshot.packageManagers.map(
        (manager) =>
            `${manager.name} ${manager.installed ?? (manager.installed === null ? 'not installed' : '?')}${manager.declared ? ` (pinned ${manager.declared.raw})` : ''}`,
    );
    if (managers.length > 0) {
        rows.push(['Packages', managers.join(' · ')]);
    }
    if (snapshot.lockfiles.length > 0) {
        rows.push(['Lockfiles', snapshot.lockfiles.map((lockfile) => lockfile.file).join(', ')]);
    }
    if (snapshot.nativeDependencies.length > 0) {
        rows.push([
            'Native',
            snapshot.nativeDependencies
                .map((dependency) => `${dependency.name} (needs ${dependency.needs.join(', ') || 'a compiler'})`)
                .join(' · '),
        ]);
    }
    if (snapshot.app) {
        const app = snapshot.app;
        rows.push([
            'App',
            [
                app.root === '.' ? undefined : app.root,
                app.framework ? app.framework.value : undefined,
                app.startCommand ? `start: ${app.startCommand.value.join(' ')}${where(app.startCommand)}` : undefined,
                app.ports.length > 0
                    ? `ports ${app.ports.map((port) => `${port.value}${where(port)}`).join(', ')}`
                    : undefined,
                app.entry ? `entry ${app.entry.value}` : undefined,
            ]
                .filter(Boolean)
                .join(' · ') || 'nothing runnable found',
        ]);
    }
    const env = Object.values(snapshot.env);
    rows.push([
        'Env',
        `${env.length} variables (${env.filter((fact) => fact.secret).length} secret-looking, ${env.filter((fact) => typeof fact.source === 'object').length} from .env files) — values hashed, never stored`,
    ]);
    rows.push([
        'Locale',
        `${snapshot.locale.effective}${snapshot.locale.encoding ? ` (${snapshot.locale.encoding})` : ''}`,
    ]);
    rows.push([
        'Timezone',
        `${snapshot.timezone.name ?? 'unknown'}${snapshot.timezone.offsetMinutes === null ? '' : ` (UTC${formatOffset(snapshot.timezone.offsetMinutes)})`}${snapshot.timezone.tzVar ? `, TZ=${snapshot.timezone.tzVar}` : ''}`,
    ]);
    if (snapshot.user) {
        rows.push([
            'User',
            `${snapshot.user.name ?? '?'} (${snapshot.user.uid ?? '?'}:${snapshot.user.gid ?? '?'})${snapshot.umask ? ` · umask ${snapshot.umask}` : ''}`,
        ]);
    }
    rows.push(['Limits', `open files ${limit(snapshot.limits.nofile)} · processes ${limit(snapshot.limits.nproc)}`]);
    rows.push([
        'Resources',
        [
            snapshot.resources.cpus === null ? undefined : `${snapshot.resources.cpus} CPUs`,
            snapshot.resources.memoryBytes === null ? undefined : formatBytes(snapshot.resources.memoryBytes),
            snapshot.resources.memoryLimitBytes === null
                ? undefined
                : `limit ${formatBytes(snapshot.resources.memoryLimitBytes)}`,
        ]
            .filter(Boolean)
            .join(' · ') || 'unknown',
    ]);
    rows.push([
        'Filesystem',
        snapshot.filesystem.caseSensitive === null
            ? 'case sensitivity unknown'
            : snapshot.filesystem.caseSensitive
              ? 'case-sensitive'
              : 'case-INSENSITIVE (Linux servers are case-sensitive)',
    ]);
    rows.push([
        'Extra CAs',
        snapshot.certificates.extra.length === 0
            ? 'none'
            : snapshot.certificates.extra.map((cert) => `${cert.subject} (via ${cert.via})`).join(' · '),
    ]);
    if (snapshot.systemPackages) {
        rows.push([
            'System',
            `${Object.keys(snapshot.systemPackages.packages).length} ${snapshot.systemPackages.manager} packages`,
        ]);
    }

    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    const lines = [
        `Snapshot of ${snapshot.meta.source.ref} (${snapshot.meta.source.kind}), ${snapshot.meta.capturedAt}${snapshot.meta.durationMs === undefined ? '' : `, ${snapshot.meta.durationMs} ms`}`,
        ...rows.map(([label, value]) => `${label.padEnd(width)}${value}`),
    ];
    if (findings.length > 0) {
        lines.push(
            '',
            'Findings:',
            ...findings.map((finding) => {
                const at = findingLocation(finding);
                return `  ${finding.severity.padEnd(7)} ${at ? `${at.file}:${at.line}  ` : ''}${finding.message}`;
            }),
        );
    }
    if (snapshot.issues.length > 0) {
        lines.push(
            '',
            'While capturing:',
            ...snapshot.issues.map(
                (issue) =>
                    `  ${issue.severity.padEnd(7)} ${issue.at ? `${issue.at.file}:${issue.at.line}  ` : ''}${issue.message}`,
            ),
        );
    }
    return lines.join('\n');
}

function runtimeLine(facts: RuntimeFacts): string {
    const installed = facts.installed
        ? `${facts.installed.version} (${facts.installed.manager}${facts.installed.path ? `, ${facts.installed.path}` : ''})`
        : 'not installed';
    const declared = facts.declared.map(
        (declaration) => `${declaration.source} ${declaration.raw} (${declaration.file}:${declaration.line})`,
    );
    return declared.length > 0 ? `${installed} — declared: ${declared.join(', ')}` : installed;
}

function where(fact: Fact<unknown>): string {
    return fact.at ? ` (${fact.at.file}:${fact.at.line})` : ` (${fact.how})`;
}

function limit(pair: LimitPair | null): string {
    if (!pair) {
        return 'unknown';
    }
    const text = (value: number | null): string => (value === null ? 'unlimited' : String(value));
    return `${text(pair.soft)}/${text(pair.hard)}`;
}

function formatOffset(minutes: number): string {
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
