import semver from 'semver';
import type { RuntimeDeclaration, RuntimeFacts, RuntimeName, SourceRef } from '../snapshot/Snapshot';
import { VERSION_SCHEMES } from '../snapshot/versionSchemes';
import type { PlanDecision } from './Plan';

/** Used when the project pins nothing and nothing is installed; reviewed when a newer line becomes the safe choice. */
export const DEFAULT_VERSIONS: Readonly<
    Record<RuntimeName, { readonly version: string; readonly label: string; readonly pinIn: string }>
> = {
    node: { version: '22', label: 'node 22 LTS', pinIn: '.nvmrc' },
    python: { version: '3.13', label: 'python 3.13', pinIn: '.python-version' },
    go: { version: '1.23', label: 'go 1.23', pinIn: 'the go line of go.mod' },
    java: { version: '21', label: 'java 21 LTS', pinIn: '.java-version' },
    ruby: { version: '3.3', label: 'ruby 3.3', pinIn: '.ruby-version' },
};

export interface RuntimeVersionChoice {
    readonly decision: PlanDecision<string>;
    readonly warnings: readonly string[];
}

type UsablePin = RuntimeDeclaration & { readonly range: string };

/**
 * The runtime version the image carries, as an image tag version: the one installed here when it satisfies
 * every usable pin (what the developer tests is what ships), else the first pin's most specific tag, else a
 * default. Every pin and the installed version become alternatives; an override wins and says what it replaced.
 */
export function chooseRuntimeVersion(
    name: RuntimeName,
    facts: RuntimeFacts | undefined,
    override?: string,
): RuntimeVersionChoice {
    const scheme = VERSION_SCHEMES[name];
    const usable = (facts?.declared ?? []).filter((pin): pin is UsablePin => pin.range !== null);
    const installed = facts?.installed ? normalizeVersion(name, facts.installed.version) : null;
    const failing = installed === null ? [] : usable.filter((pin) => scheme.satisfies(installed, pin.range) === false);
    const warnings: string[] = [];

    let chosen: { value: string; why: string; at?: SourceRef };
    if (installed !== null && failing.length === 0) {
        const value = installedTag(name, installed, usable);
        const where =
            facts?.installed?.manager && facts.installed.manager !== 'system' ? ` (${facts.installed.manager})` : '';
        const image =
            value === installed
                ? `the image uses ${name} ${value}`
                : `the image uses the newest ${name} ${value} patch release (Go images are tagged per minor release)`;
        chosen =
            usable.length > 0
                ? {
                      value,
                      why: `${name} ${installed} runs this project here${where} and satisfies every pin (${usable.map(describePin).join(', ')}), so ${image}.`,
                      ...atOf(usable[0]),
                  }
                : {
                      value,
                      why: `${name} ${installed} runs this project here${where} and the project pins no version, so ${image}.`,
                  };
        if (usable.length === 0) {
            warnings.push(
                `${name} is not pinned: the image uses ${value}, the version installed here — pin it in ${DEFAULT_VERSIONS[name].pinIn} so every machine and CI build the same.`,
            );
        }
    } else if (usable[0]) {
        const first = usable[0];
        const value = tagForRange(name, first.range);
        if (installed !== null) {
            chosen = {
                value,
                why: `${first.file}:${first.line} pins ${named(name, first.raw)} (${first.source}) and ${name} ${installed} here does not satisfy ${failing.map(describePin).join(', ')}, so the image follows the first pin: ${name} ${value}.`,
                ...atOf(first),
            };
            warnings.push(
                `${name} ${installed} runs here but ${failing.map((pin) => `${pin.file}:${pin.line} pins ${pin.raw}`).join(' and ')}: the image uses ${name} ${value} from ${first.file}:${first.line}, so what you test here is not what ships. Switch this machine to ${name} ${value} or change the pin.`,
            );
        } else {
            chosen = {
                value,
                why: `${first.file}:${first.line} pins ${named(name, first.raw)} (${first.source}); ${name} is not installed here, so the image uses ${name} ${value} as pinned.`,
                ...atOf(first),
            };
            warnings.push(
                `${name} is not installed here: the image uses ${name} ${value} from ${first.file}:${first.line} (${first.raw}), a version nothing on this machine has run.`,
            );
        }
    } else {
        const fallback = DEFAULT_VERSIONS[name];
        chosen = {
            value: fallback.version,
            why: `The project pins no ${name} version and none is installed here, so the image uses ${fallback.label}.`,
        };
        warnings.push(`no version pinned or installed; using ${fallback.label} — pin it in ${fallback.pinIn}`);
    }

    const conflicts = conflictingPairs(name, usable);
    if (conflicts.length > 0) {
        warnings.push(
            `${name} pins disagree: ${conflicts.map(([a, b]) => `${a.file}:${a.line} says ${a.raw}, ${b.file}:${b.line} says ${b.raw}`).join('; ')} — no version satisfies both. The image follows ${chosen.at ? `${chosen.at.file}:${chosen.at.line}` : 'the installed version'}; make the pins agree.`,
        );
    }

    const alternatives = collectAlternatives(name, installed, facts, usable);
    if (override !== undefined && override.trim() !== '') {
        const value = override.trim();
        return {
            decision: {
                value,
                why: `You chose ${name} ${value} (override). Parity's own choice was ${name} ${chosen.value}: ${chosen.why}`,
                alternatives: withoutValue(
                    [{ value: chosen.value, why: `Parity's choice. ${chosen.why}` }, ...alternatives],
                    value,
                ),
            },
            warnings: warnings.filter((warning) => !warning.startsWith('no version pinned')),
        };
    }
    const others = withoutValue(alternatives, chosen.value);
    return { decision: { ...chosen, ...(others.length > 0 ? { alternatives: others } : {}) }, warnings };
}

/** "v20.1.0" → "20.1.0", "go1.22.3" → "1.22.3". */
function normalizeVersion(name: RuntimeName, version: string): string {
    const trimmed = version.trim().replace(/^v(?=\d)/, '');
    return name === 'go' ? trimmed.replace(/^go(?=\d)/, '') : trimmed;
}

/**
 * Node and Python images exist for every patch release, so the installed version is used as is. Go keeps the
 * minor line (golang:1.19-bookworm) unless a pin names an exact patch release the installed version is.
 */
function installedTag(name: RuntimeName, installed: string, usable: readonly UsablePin[]): string {
    if (name !== 'go') {
        return installed;
    }
    const exactPin = usable.some((pin) => /^\d+\.\d+\.\d+$/.test(pin.range) && pin.range === installed);
    return exactPin ? installed : installed.split('.').slice(0, 2).join('.');
}

/** The most specific tag a range allows: the first version written in it that satisfies it ("18.x" → 18, "==3.11.*" → 3.11, ">=1.22" → 1.22). */
export function tagForRange(name: RuntimeName, range: string): string {
    const scheme = VERSION_SCHEMES[name];
    const literals = [...range.matchAll(/\d+(?:\.\d+){0,2}/g)].map((match) => match[0]);
    const fitting = literals.find((literal) => scheme.satisfies(literal, range) === true);
    if (fitting) {
        return fitting;
    }
    if (scheme.satisfies(DEFAULT_VERSIONS[name].version, range) === true) {
        return DEFAULT_VERSIONS[name].version;
    }
    const lowest = name === 'node' || name === 'go' ? semver.minVersion(range, { loose: true })?.version : undefined;
    return lowest ?? literals[0] ?? DEFAULT_VERSIONS[name].version;
}

function collectAlternatives(
    name: RuntimeName,
    installed: string | null,
    facts: RuntimeFacts | undefined,
    usable: readonly UsablePin[],
): { value: string; why: string }[] {
    const found = new Map<string, string[]>();
    const add = (value: string, why: string): void => {
        found.set(value, [...(found.get(value) ?? []), why]);
    };
    if (installed !== null) {
        const manager = facts?.installed?.manager;
        add(installed, `installed here${manager && manager !== 'system' ? ` (${manager})` : ''}`);
    }
    for (const pin of usable) {
        add(tagForRange(name, pin.range), `pinned in ${pin.file}:${pin.line} (${pin.source} ${pin.raw})`);
    }
    return [...found.entries()].map(([value, whys]) => ({ value, why: `${upperFirst(whys.join('; '))}.` }));
}

/** Pairs of pins no version satisfies together, tried at the versions their own ranges name. */
function conflictingPairs(name: RuntimeName, usable: readonly UsablePin[]): [UsablePin, UsablePin][] {
    const scheme = VERSION_SCHEMES[name];
    const pairs: [UsablePin, UsablePin][] = [];
    for (const [index, a] of usable.entries()) {
        for (const b of usable.slice(index + 1)) {
            const candidates = [...scheme.candidates(a.range), ...scheme.candidates(b.range)];
            const judged = candidates.map(
                (version) => [scheme.satisfies(version, a.range), scheme.satisfies(version, b.range)] as const,
            );
            if (
                judged.length > 0 &&
                judged.every(([x, y]) => x !== null && y !== null) &&
                !judged.some(([x, y]) => x === true && y === true)
            ) {
                pairs.push([a, b]);
            }
        }
    }
    return pairs;
}

/** "go go1.22.3" reads badly: the runtime name is left out when the pin already starts with it. */
function named(name: RuntimeName, raw: string): string {
    return raw.startsWith(name) ? raw : `${name} ${raw}`;
}

function describePin(pin: UsablePin): string {
    return `${pin.file}:${pin.line} ${pin.raw}`;
}

function atOf(pin: UsablePin | undefined): { at?: SourceRef } {
    return pin ? { at: { file: pin.file, line: pin.line } } : {};
}

function withoutValue<T extends { readonly value: string }>(items: readonly T[], value: string): T[] {
    return items.filter((item) => item.value !== value);
}

function upperFirst(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
