import type { Finding, FindingFix } from '../findings/Finding';
import type { RuntimeDeclaration, RuntimeFacts, RuntimeName } from './Snapshot';
import { VERSION_SCHEMES } from './versionSchemes';

/** Pin files that hold nothing but the version, so Parity can offer to rewrite the line. */
const SINGLE_VALUE_PIN_FILES = new Set(['.nvmrc', '.node-version', '.python-version', '.ruby-version', '.java-version', '.go-version']);

/**
 * Declared-vs-installed for each runtime: a finding where what runs here does not satisfy a pin, where a
 * pinned runtime is not installed, and where two pins cannot both hold. Each points at the pin's line.
 */
export function reconcileRuntimes(runtimes: Readonly<Partial<Record<RuntimeName, RuntimeFacts>>>): Finding[] {
    const findings: Finding[] = [];
    for (const [name, facts] of Object.entries(runtimes) as [RuntimeName, RuntimeFacts][]) {
        const usable = facts.declared.filter((declaration): declaration is RuntimeDeclaration & { range: string } => declaration.range !== null);
        findings.push(...conflicts(name, usable));
        if (usable.length === 0) {
            continue;
        }
        if (!facts.installed) {
            const first = usable[0];
            if (first) {
                findings.push({
                    facet: 'runtime', key: name, local: null, target: first.raw, severity: 'warning', at: at(first),
                    message: `${first.file} asks for ${name} ${first.raw}, but ${name} is not installed here.`,
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
                facet: 'runtime', key: name, local: installed.version, target: declaration.raw, severity: 'warning', at: at(declaration),
                message: `${declaration.source} asks for ${name} ${declaration.raw}${declaration.raw === declaration.range ? '' : ` (${declaration.range})`}, but ${name} ${installed.version} runs here${installed.manager === 'system' ? '' : ` (from ${installed.manager})`}.`,
                fix: fixFor(name, declaration, installed.version),
            });
        }
    }
    return findings;
}

/** Pairs of pins no single version satisfies, e.g. .nvmrc 18 against engines >=20. */
function conflicts(name: RuntimeName, declarations: readonly (RuntimeDeclaration & { range: string })[]): Finding[] {
    const scheme = VERSION_SCHEMES[name];
    const findings: Finding[] = [];
    for (const [index, a] of declarations.entries()) {
        for (const b of declarations.slice(index + 1)) {
            const candidates = [...scheme.candidates(a.range), ...scheme.candidates(b.range)];
            const judged = candidates.map((version) => [scheme.satisfies(version, a.range), scheme.satisfies(version, b.range)] as const);
            if (judged.length === 0 || judged.some(([x, y]) => x === null || y === null) || judged.some(([x, y]) => x && y)) {
                continue;
            }
            findings.push({
                facet: 'runtime', key: name, local: a.raw, target: b.raw, severity: 'warning', at: at(b),
                message: `${name} pins disagree: ${a.source} (${a.file}:${a.line}) says ${a.raw}, ${b.source} says ${b.raw} — no version satisfies both.`,
            });
        }
    }
    return findings;
}

function fixFor(name: RuntimeName, declaration: RuntimeDeclaration, installed: string): FindingFix {
    const base = declaration.file.split('/').pop() ?? declaration.file;
    if (!SINGLE_VALUE_PIN_FILES.has(base)) {
        return { description: `Change ${declaration.source} to allow ${name} ${installed}, or switch this machine to a version it allows.`, at: at(declaration) };
    }
    // Keep the precision the user chose: "18" becomes "20", "18.19.0" becomes "20.20.2".
    const parts = declaration.raw.replace(/^v/, '').split('.').length;
    const pinned = installed.split('.').slice(0, Math.max(1, parts)).join('.');
    return { description: `Pin ${declaration.file} to ${pinned}, the ${name} that runs here.`, at: at(declaration), replaceLineWith: `${declaration.raw.startsWith('v') ? 'v' : ''}${pinned}` };
}

function at(declaration: RuntimeDeclaration): { file: string; line: number } {
    return { file: declaration.file, line: declaration.line };
}
