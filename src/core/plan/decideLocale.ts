import type { LocaleFacts } from '../snapshot/Snapshot';
import type { ByDesignNote, PlanDecision } from './Plan';

/** The UTF-8 locale every Debian (since bookworm) and Alpine image has without the locales package. */
export const IMAGE_UTF8_LOCALE = 'C.UTF-8';
/** A locale name as LANG takes it (en_US.UTF-8, de_DE.utf8@euro, C.UTF-8): nothing a Dockerfile would substitute. */
const LOCALE_NAME = /^[A-Za-z0-9_.@+-]+$/;

export interface LocaleDecision {
    /** The locale variables for the final image (LANG, and LC_ALL when this machine sets it); empty for the image's default. */
    readonly decision: PlanDecision<Readonly<Record<string, string>>>;
    readonly byDesign: readonly ByDesignNote[];
    readonly warnings: readonly string[];
}

/**
 * The locale the app gets in the image, from the one it gets here. Images run in "C" (ASCII) unless told
 * otherwise, so a UTF-8 machine gets C.UTF-8, the UTF-8 locale the base images already carry. Another UTF-8
 * locale (en_US.UTF-8) would need the locales package and locale-gen — about 17 MB and a build step that
 * reaches the network — for what is mostly the same bytes: the encoding, which decides how the app reads
 * and writes text, is kept; the language part (collation, messages, number and date formats) differs by design.
 */
export function decideLocale(locale: LocaleFacts, override?: string | null): LocaleDecision {
    const chosen = override === undefined ? fromHost(locale) : fromOverride(override);
    // When the locale could not be matched, the variables differ for the warned reason, not by design.
    return chosen.warnings.length > 0
        ? chosen
        : { ...chosen, byDesign: [...chosen.byDesign, ...variableNotes(locale, chosen.decision.value)] };
}

function fromOverride(override: string | null): LocaleDecision {
    return {
        decision:
            override === null
                ? { value: {}, why: "you chose to keep the base image's default locale (C)" }
                : {
                      value: { LANG: override },
                      why: 'you chose this locale; it must exist in the base image (C.UTF-8 always does)',
                  },
        byDesign: [
            {
                facet: 'locale',
                key: 'effective',
                reason: `you chose ${override ?? "the image's default locale"} for the image in the plan`,
            },
        ],
        warnings: [],
    };
}

function fromHost(locale: LocaleFacts): LocaleDecision {
    const here = locale.effective;
    const setsLcAll = locale.vars.LC_ALL !== null && locale.vars.LC_ALL !== undefined;
    if (locale.encoding === 'UTF-8' && LOCALE_NAME.test(here)) {
        const value = { LANG: IMAGE_UTF8_LOCALE, ...(setsLcAll ? { LC_ALL: IMAGE_UTF8_LOCALE } : {}) };
        if (/^C\.utf-?8$/i.test(here)) {
            return {
                decision: {
                    value,
                    why: `this machine runs in ${here}; without it the image would run in C (ASCII) and read and write text differently`,
                },
                byDesign: [],
                warnings: [],
            };
        }
        return {
            decision: {
                value,
                why: `this machine runs in ${here} (UTF-8); the image gets C.UTF-8, the UTF-8 locale its base already has — ${here} itself would need the locales package (about 17 MB) and locale-gen`,
                alternatives: [
                    {
                        value: { LANG: here },
                        why: `${here} exactly: install the locales package and generate ${here} in the final stage first`,
                    },
                ],
            },
            byDesign: [
                {
                    facet: 'locale',
                    key: 'effective',
                    reason: `the image runs in C.UTF-8 where this machine runs in ${here}: the encoding (UTF-8) is the same; sorting, messages and number and date formats are C's, because ${here} would need the locales package (about 17 MB) in the image`,
                },
            ],
            warnings: [],
        };
    }
    if (here === 'C' || here === 'POSIX') {
        return {
            decision: { value: {}, why: `this machine runs in ${here}, the locale images run in by default` },
            byDesign: [],
            warnings: [],
        };
    }
    const encoding = locale.encoding ? ` (${locale.encoding})` : '';
    return {
        decision: {
            value: {},
            why: `this machine runs in ${here}${encoding}, which the base image does not carry; the image keeps its default (C)`,
        },
        byDesign: [],
        warnings: [
            `This machine runs in the locale ${here}${encoding}, the image in C (ASCII): text outside ASCII may be read or written differently. Set the locale in the plan (C.UTF-8 exists in every base image), or install the locales package in the Dockerfile.`,
        ],
    };
}

/** The locale variables that read differently in the image although the effective locale is the one decided: each set on one side only, or to another name. */
function variableNotes(locale: LocaleFacts, image: Readonly<Record<string, string>>): ByDesignNote[] {
    const names = new Set([...Object.keys(locale.vars), ...Object.keys(image)]);
    const set = Object.entries(image).map(([name, value]) => `${name}=${value}`);
    const setting = set.length > 0 ? `only ${set.join(' and ')}` : 'no locale variable (C is its default)';
    return [...names]
        .filter((name) => (locale.vars[name] ?? null) !== (image[name] ?? null))
        .sort()
        .map((name) => ({
            facet: 'locale',
            key: `vars.${name}`,
            reason: `the image sets ${setting}; this machine's own locale variables stay here`,
        }));
}
