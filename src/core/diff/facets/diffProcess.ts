import { isRootUser } from '../../isRootUser';
import type { FindingFix } from '../../findings/Finding';
import type { DiffContext, Draft } from '../DiffContext';
import { dockerfileEnvFix } from '../dockerfileEnvFix';
import { bothKnown } from '../bothKnown';

/** Names of UTC that say the same thing. */
const UTC = new Set([
    'UTC',
    'Etc/UTC',
    'Etc/Universal',
    'Universal',
    'Zulu',
    'Etc/Zulu',
    'GMT',
    'Etc/GMT',
    'UCT',
    'Etc/UCT',
]);

/** What the app's process gets: locale, time zone, user and umask. */
export function diffProcess(context: DiffContext): Draft[] {
    const { from: a, to: b } = context;
    const drafts: Draft[] = [];
    const withFix = (fix: FindingFix[]): { fix?: FindingFix[] } => (fix.length > 0 ? { fix } : {});
    const fromValue = (value: string, other: string): string => (context.imageSide === 'from' ? other : value);

    if (a.locale.effective !== b.locale.effective) {
        drafts.push({
            facet: 'locale',
            key: 'effective',
            rule: 'locale.effective',
            from: a.locale.effective,
            to: b.locale.effective,
            message: `Programs get the locale ${a.locale.effective} on one side and ${b.locale.effective} on the other: sorting, number formats and text decoding change.`,
            ...withFix(dockerfileEnvFix(context, 'LANG', fromValue(a.locale.effective, b.locale.effective))),
        });
    }
    if (
        bothKnown(
            context,
            'locale',
            'encoding',
            a.locale.encoding,
            b.locale.encoding,
            'the locale names no encoding',
        ) &&
        a.locale.encoding !== b.locale.encoding
    ) {
        drafts.push({
            facet: 'locale',
            key: 'encoding',
            rule: 'locale.encoding',
            from: a.locale.encoding,
            to: b.locale.encoding,
            message: `The character encoding is ${a.locale.encoding ?? ''} on one side and ${b.locale.encoding ?? ''} on the other: non-ASCII text and file names break.`,
        });
    }

    const zone = (name: string | null): string | null => (name !== null && UTC.has(name) ? 'UTC' : name);
    const [zoneA, zoneB] = [zone(a.timezone.name), zone(b.timezone.name)];
    if (zoneA !== null && zoneB !== null) {
        if (zoneA !== zoneB) {
            drafts.push({
                facet: 'timezone',
                key: 'name',
                rule: 'timezone.name',
                from: a.timezone.name,
                to: b.timezone.name,
                message: `The time zone is ${a.timezone.name ?? ''} on one side and ${b.timezone.name ?? ''} on the other: dates without a zone are read differently.`,
                ...withFix(dockerfileEnvFix(context, 'TZ', fromValue(a.timezone.name ?? '', b.timezone.name ?? ''))),
            });
        }
    } else if (
        bothKnown(
            context,
            'timezone',
            'offsetMinutes',
            a.timezone.offsetMinutes,
            b.timezone.offsetMinutes,
            'neither a zone name nor a UTC offset is known',
        ) &&
        a.timezone.offsetMinutes !== b.timezone.offsetMinutes
    ) {
        const offset = (minutes: number | null): string =>
            `UTC${(minutes ?? 0) < 0 ? '-' : '+'}${Math.abs(minutes ?? 0) / 60}`;
        drafts.push({
            facet: 'timezone',
            key: 'offset',
            rule: 'timezone.name',
            from: offset(a.timezone.offsetMinutes),
            to: offset(b.timezone.offsetMinutes),
            message: `The clock is ${offset(a.timezone.offsetMinutes)} on one side and ${offset(b.timezone.offsetMinutes)} on the other.`,
        });
    }

    if (bothKnown(context, 'user', undefined, a.user, b.user, 'the user could not be read') && a.user && b.user) {
        const userFix = (): { fix?: FindingFix[] } => {
            const dockerfile = context.dockerfile;
            return dockerfile && context.imageSide && dockerfile.user !== null
                ? {
                      fix: [
                          {
                              description: `Change the USER in ${dockerfile.file}.`,
                              side: context.imageSide,
                              at: { file: dockerfile.file, line: dockerfile.user },
                          },
                      ],
                  }
                : {};
        };
        const text = (uid: number | null): string | null => (uid === null ? null : String(uid));
        if (
            bothKnown(context, 'user', 'uid', a.user.uid, b.user.uid, 'the uid could not be read') &&
            a.user.uid !== b.user.uid
        ) {
            const rootA = a.user.uid !== null && isRootUser(a.user.uid);
            const rootB = b.user.uid !== null && isRootUser(b.user.uid);
            drafts.push(
                rootA !== rootB
                    ? {
                          facet: 'user',
                          key: 'root',
                          rule: 'user.root',
                          from: rootA ? 'root' : `uid ${text(a.user.uid) ?? ''}`,
                          to: rootB ? 'root' : `uid ${text(b.user.uid) ?? ''}`,
                          message: `The app runs as root on the ${rootA ? 'from' : 'to'} side only: what root may write, bind and read, others may not.`,
                          ...userFix(),
                      }
                    : {
                          facet: 'user',
                          key: 'uid',
                          rule: 'user.uid',
                          from: text(a.user.uid),
                          to: text(b.user.uid),
                          message: `The app runs as uid ${text(a.user.uid) ?? ''} on one side and ${text(b.user.uid) ?? ''} on the other: files owned by one are not writable by the other.`,
                          ...userFix(),
                      },
            );
        }
        if (
            bothKnown(context, 'user', 'gid', a.user.gid, b.user.gid, 'the gid could not be read') &&
            a.user.gid !== b.user.gid
        ) {
            drafts.push({
                facet: 'user',
                key: 'gid',
                rule: 'user.gid',
                from: text(a.user.gid),
                to: text(b.user.gid),
                message: `The primary group is gid ${text(a.user.gid) ?? ''} on one side and ${text(b.user.gid) ?? ''} on the other.`,
            });
        }
    }

    if (
        bothKnown(context, 'umask', undefined, a.umask, b.umask, 'the umask could not be read') &&
        a.umask !== null &&
        b.umask !== null &&
        parseInt(a.umask, 8) !== parseInt(b.umask, 8)
    ) {
        drafts.push({
            facet: 'umask',
            key: 'umask',
            rule: 'umask',
            from: a.umask,
            to: b.umask,
            message: `Files are created with umask ${a.umask} on one side and ${b.umask} on the other.`,
        });
    }
    return drafts;
}
