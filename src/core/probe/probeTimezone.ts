import type { TimezoneFacts } from '../snapshot/Snapshot';

/** What a probe saw of the time zone: the TZ variable, /etc/timezone, /etc/localtime and the UTC offset. */
export interface TimezoneEvidence {
    readonly tzVar: string | null;
    /** The first line of /etc/timezone. */
    readonly file: string | null;
    /** Where /etc/localtime links to, when it is a link. */
    readonly link: string | null;
    /** /etc/localtime exists (as a link or a copied zone file). */
    readonly localtime: boolean;
    /** `date +%z`, e.g. "+0100"; null when not measured. */
    readonly offset: string | null;
}

/** TZ wins over /etc/timezone, which wins over the localtime link; with none of them the C library runs in UTC. */
export function probeTimezone(evidence: TimezoneEvidence): TimezoneFacts {
    const tzVar = evidence.tzVar === '' ? null : evidence.tzVar;
    const fromVar = tzVar !== null && /^:?[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(tzVar) ? tzVar.replace(/^:/, '') : null;
    const fromLink = evidence.link === null ? null : (/\/zoneinfo\/(.+)$/.exec(evidence.link)?.[1] ?? null);
    const name = fromVar ?? evidence.file ?? fromLink ?? (tzVar === null && !evidence.localtime ? 'UTC' : null);
    // `date +%z` prints ±HHMM; real offsets stay within a day (UTC−12 … UTC+14), anything else is not one.
    const offset = evidence.offset === null ? null : /^([+-])([01]\d|2[0-4])([0-5]\d)$/.exec(evidence.offset);
    const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : null;
    return { name, tzVar, offsetMinutes };
}
