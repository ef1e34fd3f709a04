import type { TimezoneFacts } from '../snapshot/Snapshot';
import type { OsChoice } from './chooseOs';
import type { ByDesignNote, PlanDecision } from './Plan';

/** An IANA zone name as TZ and /usr/share/zoneinfo know it (Europe/Berlin, America/Argentina/Buenos_Aires, EST5EDT). */
const ZONE_NAME = /^[A-Za-z][\w+-]*(\/[\w+-]+)*$/;
/** Names tzdata gives UTC itself; an image without TZ runs in UTC already. */
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
    'GMT+0',
    'Etc/GMT+0',
    'GMT-0',
    'Etc/GMT-0',
    'Greenwich',
    'Etc/Greenwich',
]);

export interface TimezoneDecision {
    /** The TZ value for the final image; null leaves the image in UTC. */
    readonly decision: PlanDecision<string | null>;
    readonly byDesign: readonly ByDesignNote[];
    readonly warnings: readonly string[];
}

/**
 * The time zone the app gets in the image. Images run in UTC; this machine's zone is kept through TZ, which
 * needs the zone data under /usr/share/zoneinfo: the Debian bookworm images (debian, node, python, golang)
 * carry tzdata, Alpine's do not — there TZ would fall back to UTC without a word, so the plan says so instead.
 */
export function decideTimezone(timezone: TimezoneFacts, os: OsChoice, override?: string | null): TimezoneDecision {
    if (override !== undefined) {
        return {
            decision: {
                value: override,
                why:
                    override === null
                        ? 'you chose to keep the image in UTC'
                        : 'you chose this zone; it must exist under /usr/share/zoneinfo in the image',
            },
            byDesign: [
                { facet: 'timezone', key: 'name', reason: `you chose ${override ?? 'UTC'} for the image in the plan` },
            ],
            warnings: [],
        };
    }
    const zone = zoneOf(timezone);
    if (zone === null) {
        return {
            decision: {
                value: null,
                why:
                    timezone.name === null && timezone.tzVar === null
                        ? 'the time zone here is not known, so the image runs in UTC'
                        : `the zone here (${timezone.tzVar ?? timezone.name ?? ''}) is not a zone name the image can look up, so the image runs in UTC`,
            },
            byDesign: [],
            warnings:
                timezone.tzVar === null && timezone.name === null
                    ? []
                    : [
                          `This machine's time zone (${timezone.tzVar ?? timezone.name ?? ''}) has no IANA name Parity can give the image, which runs in UTC: set the zone in the plan if the app depends on it.`,
                      ],
        };
    }
    if (UTC_NAMES.has(zone) && timezone.tzVar === null) {
        return {
            decision: { value: null, why: `this machine runs in ${zone}, and images run in UTC without TZ` },
            byDesign: [],
            warnings: [],
        };
    }
    if (os.libc === 'musl' && !UTC_NAMES.has(zone)) {
        return {
            decision: {
                value: null,
                why: `this machine runs in ${zone}, but Alpine images have no zone data (tzdata), so TZ would quietly mean UTC`,
            },
            byDesign: [],
            warnings: [
                `This machine runs in ${zone}, the Alpine image in UTC (it has no tzdata): add \`RUN apk add --no-cache tzdata\` and \`ENV TZ=${zone}\` to the final stage if the app depends on the local time.`,
            ],
        };
    }
    const setHere = timezone.tzVar !== null && timezone.tzVar.replace(/^:/, '') === zone;
    return {
        decision: {
            value: zone,
            why: `${setHere ? 'TZ is set to it here' : 'this machine runs in it'}; the Debian base image has the zone data (tzdata), so the app tells local time as it does here`,
        },
        byDesign:
            timezone.tzVar === zone
                ? []
                : [
                      {
                          facet: 'timezone',
                          key: 'tzVar',
                          reason: `the image names the zone through TZ=${zone}${timezone.tzVar === null ? '; this machine through /etc/localtime' : `; this machine sets TZ=${timezone.tzVar}`}`,
                      },
                  ],
        warnings: [],
    };
}

/** The zone's name as TZ takes it: TZ itself when it names a zone, else the zone the system runs in; null when there is none. */
function zoneOf(timezone: TimezoneFacts): string | null {
    const fromVar = timezone.tzVar?.replace(/^:/, '') ?? null;
    const fromFile = fromVar?.startsWith('/') ? (/\/zoneinfo\/(.+)$/.exec(fromVar)?.[1] ?? null) : null;
    for (const candidate of [fromFile, fromVar, timezone.name]) {
        if (candidate !== null && candidate !== undefined && ZONE_NAME.test(candidate)) {
            return candidate;
        }
    }
    return null;
}
