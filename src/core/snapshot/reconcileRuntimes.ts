import type { Finding, FindingFix, Side } from '../findings/Finding';
import type { RuntimeDeclaration, RuntimeFacts, RuntimeName } from './Snapshot';
import { VERSION_SCHEMES } from './versionSchemes';
import { DIFF_RULE_TABLE } from '../diff/DIFF_RULE_TABLE';

/** Pin files that hold nothing but the version, so Parity can offer to rewrite the line. */
const SINGLE_VALUE_PIN_FILES = new Set([
    '.nvmrc',
    '.node-version',
    '.python-version',
    '.ruby-version',
    '.java-version',
    '.go-version',
]);

/**
 * Declared-vs-installed for each runtime: a finding where what runs here does not satisfy a pin, where a
 * pinned runtime is not installed, and where two pins cannot both hold. Each has a fix at the pin's line.
 * `side` is the environment the runtimes are from (a single snapshot is `from`), `here` how messages name it;
 * severities are the rule table's defaults.
 */
export function reconcileRuntimes(
    runtimes: Readonly<Partial<Record<RuntimeName, RuntimeFacts>>>,
    side: Side = 'from',
    here = 'here',
): Finding[] {
    const findings: Finding[] = [];
    for (const [name, facts] of Object.entries(runtimes) as [RuntimeName, RuntimeFacts][]) {
        const usable = facts.declared.filter(
            (declaration): declaration is RuntimeDeclaration & { range: string } => declaration.range !== null,
        );
        findings.push(...conflicts(name, usable, side));
        if (usable.length === 0) {
            continue;
        }
        if (!facts.installed) {
            const first = usable[0];
            if (first) {
                findings.push({
                    ...ruleOf('runtime.not-installed'),
                    key: name,
                    from: null,
                    to: first.raw,
                    message: `${first.file} asks for ${name} ${first.raw}, but ${name} is not installed ${here}.`,
                    fix: [
                        {
                            description: `Install ${name} ${first.raw} ${here}, or change ${first.source}.`,
                            side,
                            at: at(first),
                        },
                    ],
                });
            }
            continue;
        }
        const installed = facts.installed;
        for (const declaration of usable) {
            if (VERSION_SCHEMES[name].satisfies(installed.version, declaration.range) !== false) {
                continue;
            }
            findings.push({
                ...ruleOf('runtime.unsatisfied'),
                key: name,
                from: installed.version,
                to: declaration.raw,
                message: `${declaration.source} asks for ${name} ${declaration.raw}${declaration.raw === declaration.range ? '' : ` (${declaration.range})`}, but ${name} ${installed.version} runs ${here}${installed.manager === 'system' ? '' : ` (from ${installed.manager})`}.`,
                fix: [fixFor(name, declaration, installed.version, side, here)],
            });
        }
    }
    return findings;
}

/** Pairs of pins no single version satisfies, e.g. .nvmrc 18 against engines >=20. */
function conflicts(
    name: RuntimeName,
    declarations: readonly (RuntimeDeclaration & { range: string })[],
    side: Side,
): Finding[] {
    const scheme = VERSION_SCHEMES[name];
    const findings: Finding[] = [];
    for (const [index, a] of declarations.entries()) {
        for (const b of declarations.slice(index + 1)) {
            const candidates = [...scheme.candidates(a.range), ...scheme.candidates(b.range)];
            const judged = candidates.map(
                (version) => [scheme.satisfies(version, a.range), scheme.satisfies(version, b.range)] as const,
            );
            if (
                judged.length === 0 ||
                judged.some(([x, y]) => x === null || y === null) ||
                judged.some(([x, y]) => x && y)
            ) {
                continue;
            }
            findings.push({
                ...ruleOf('runtime.pins-conflict'),
                key: name,
                from: a.raw,
                to: b.raw,
                message: `${name} pins disagree: ${a.source} (${a.file}:${a.line}) says ${a.raw}, ${b.source} says ${b.raw} — no version satisfies both.`,
                fix: [
                    {
                        description: `Make ${b.source} agree with ${a.source} (${a.raw}), or the other way round.`,
                        side,
                        at: at(b),
                    },
                ],
            });
        }
    }
    return findings;
}

function fixFor(
    name: RuntimeName,
    declaration: RuntimeDeclaration,
    installed: string,
    side: Side,
    here: string,
): FindingFix {
    const replacement = pinLine(declaration, installed);
    if (replacement === undefined) {
        return {
            description: `Change ${declaration.source} to allow ${name} ${installed}, or switch ${here === 'here' ? 'this machine' : here} to a version it allows.`,
            side,
            at: at(declaration),
        };
    }
    return {
        description: `Pin ${declaration.file} to ${replacement}, the ${name} that runs ${here}.`,
        side,
        at: at(declaration),
        replaceLineWith: replacement,
    };
}

/**
 * The line that pins `version` in a single-value pin file or go.mod, keeping the precision the user chose
 * ("18" becomes "20", "v18.19.0" becomes "v20.20.2"); undefined for files whose line Parity cannot rewrite.
 */
export function pinLine(declaration: RuntimeDeclaration, version: string): string | undefined {
    const base = declaration.file.split('/').pop() ?? declaration.file;
    const plain = version.replace(/^(v|go)/, '');
    const keep = (raw: string): string =>
        plain
            .split('.')
            .slice(0, Math.max(1, raw.replace(/^v/, '').split('.').length))
            .join('.');
    if (SINGLE_VALUE_PIN_FILES.has(base)) {
        return `${declaration.raw.startsWith('v') ? 'v' : ''}${keep(declaration.raw)}`;
    }
    if (declaration.source === 'go.mod#go') {
        return `go ${keep(declaration.raw)}`;
    }
    if (declaration.source === 'go.mod#toolchain') {
        return `toolchain go${plain}`;
    }
    return undefined;
}

function ruleOf(
    rule: 'runtime.unsatisfied' | 'runtime.not-installed' | 'runtime.pins-conflict',
): Pick<Finding, 'facet' | 'rule' | 'severity'> {
    return { facet: 'runtimes', rule, severity: DIFF_RULE_TABLE[rule].severity };
}

function at(declaration: RuntimeDeclaration): { file: string; line: number } {
    return { file: declaration.file, line: declaration.line };
}
