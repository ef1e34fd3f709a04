import type { Snapshot } from '../snapshot/Snapshot';

/** One line under a target's row: what (`OS`) and its value (`Debian GNU/Linux 12 (bookworm)`). */
export interface TargetFact {
    readonly label: string;
    readonly value: string;
}

/**
 * The facts of a target's last snapshot a person checks first when an app behaves differently there: OS and
 * architecture, libc, runtimes, user, time zone, locale, limits and how many env vars are set (names and
 * values stay in the snapshot: values are never known, only hashes).
 */
export function targetKeyFacts(snapshot: Snapshot): TargetFact[] {
    const facts: TargetFact[] = [];
    const add = (label: string, value: string | null | undefined): void => {
        if (value !== undefined && value !== null && value !== '') {
            facts.push({ label, value });
        }
    };
    const { platform } = snapshot;
    add(
        'OS',
        platform.distro?.prettyName ??
            (platform.distro ? [platform.distro.id, platform.distro.versionId].filter(Boolean).join(' ') : platform.os),
    );
    add('Arch', platform.arch);
    add(
        'libc',
        platform.libc.family === 'unknown'
            ? undefined
            : [platform.libc.family, platform.libc.version].filter(Boolean).join(' '),
    );
    for (const [name, runtime] of Object.entries(snapshot.runtimes)) {
        if (runtime?.installed) {
            add(name, runtime.installed.version);
        }
    }
    const { user } = snapshot;
    add('User', user ? `${user.name ?? user.uid} (uid ${user.uid}, gid ${user.gid})` : undefined);
    add(
        'TZ',
        snapshot.timezone.name ??
            (snapshot.timezone.offsetMinutes === null
                ? undefined
                : `UTC${offsetText(snapshot.timezone.offsetMinutes)}`),
    );
    add('Locale', snapshot.locale.effective);
    const nofile = snapshot.limits.nofile;
    add('Open files', nofile ? `${nofile.soft ?? 'unlimited'} / ${nofile.hard ?? 'unlimited'}` : undefined);
    const { memoryLimitBytes, memoryBytes } = snapshot.resources;
    const memory = memoryLimitBytes ?? memoryBytes;
    add(
        'Memory',
        memory === null
            ? undefined
            : `${Math.round(memory / 1024 / 1024)} MiB${memoryLimitBytes === null ? '' : ' (limit)'}`,
    );
    add('CPUs', snapshot.resources.cpus === null ? undefined : String(snapshot.resources.cpus));
    const env = Object.values(snapshot.env);
    const secret = env.filter((variable) => variable.secret).length;
    add('Env vars', `${env.length} set${secret > 0 ? ` (${secret} secret-like)` : ''}`);
    return facts;
}

function offsetText(minutes: number): string {
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
