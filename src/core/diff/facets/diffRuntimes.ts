import type { Finding, FindingFix, Side } from '../../findings/Finding';
import { pinLine, reconcileRuntimes } from '../../snapshot/reconcileRuntimes';
import type { RuntimeFacts, RuntimeName } from '../../snapshot/Snapshot';
import { built, type DiffContext, type Draft, other, sideLabel, sideOf } from '../DiffContext';
import { versionDelta } from '../versionDelta';

const RUNTIMES: readonly RuntimeName[] = ['node', 'python', 'go', 'java', 'ruby'];

/** Official image names that carry each runtime, so a FROM line can be rewritten to another version. */
const RUNTIME_IMAGES: Readonly<Record<RuntimeName, readonly string[]>> = {
    node: ['node'],
    python: ['python'],
    go: ['golang'],
    java: ['eclipse-temurin', 'openjdk', 'amazoncorretto'],
    ruby: ['ruby'],
};

/** The runtime that runs on each side, compared with its version scheme, plus each side's declared-vs-installed. */
export function diffRuntimes(context: DiffContext): Draft[] {
    const drafts: Draft[] = [];
    for (const name of RUNTIMES) {
        const a = context.from.runtimes[name]?.installed ?? null;
        const b = context.to.runtimes[name]?.installed ?? null;
        if (a && b) {
            const delta = versionDelta(name, a.version, b.version);
            if (delta !== 'same') {
                drafts.push({
                    facet: 'runtimes',
                    key: name,
                    from: a.version,
                    to: b.version,
                    rule: delta === 'unknown' ? 'runtime.version' : `runtime.${delta}`,
                    message: `${name} ${a.version} runs on ${sideLabel(context, 'from')}, ${name} ${b.version} on ${sideLabel(context, 'to')}${delta === 'unknown' ? '' : ` — a ${delta} version apart`}.`,
                    ...fixes(context, name, { from: a.version, to: b.version }),
                });
            }
        } else if (a || b) {
            const present: Side = a ? 'from' : 'to';
            const version = (a ?? b)?.version ?? '';
            drafts.push({
                facet: 'runtimes',
                key: name,
                from: a?.version ?? null,
                to: b?.version ?? null,
                rule: 'runtime.missing',
                message: `${name} ${version} runs on ${sideLabel(context, present)} but is not installed on ${sideLabel(context, other(present))}.`,
                ...fixes(context, name, { [present]: version }),
            });
        }
    }
    return [...drafts, ...declaredAgainstInstalled(context)];
}

/**
 * Each side's pins against what it runs, where the sides disagree: a pin both sides break the same way is
 * the project's own problem (`parity snapshot` reports it), not a difference between the environments.
 */
function declaredAgainstInstalled(context: DiffContext): Draft[] {
    const identity = (finding: Finding): string =>
        JSON.stringify([finding.rule, finding.key, finding.from, finding.to, finding.fix?.[0]?.at]);
    const [a, b] = (['from', 'to'] as const).map((side) =>
        reconcileRuntimes(sideOf(context, side).runtimes, side, `on ${sideLabel(context, side)}`),
    );
    const inA = new Set((a ?? []).map(identity));
    const inB = new Set((b ?? []).map(identity));
    return [
        ...(a ?? []).filter((finding) => !inB.has(identity(finding))),
        ...(b ?? []).filter((finding) => !inA.has(identity(finding))),
    ].map(({ facet, key, from, to, message, rule, fix }) => ({
        facet,
        key,
        from,
        to,
        message,
        rule: rule as Draft['rule'],
        ...(fix ? { fix } : {}),
    }));
}

/**
 * Both directions where each makes sense: the image side matches the other by rewriting its FROM; a machine
 * installs the other side's version and pins it where the project declares the runtime. An image or
 * container without the project's Dockerfile gets no fix: Parity does not know where its runtime comes from.
 */
function fixes(
    context: DiffContext,
    name: RuntimeName,
    versions: Partial<Record<Side, string>>,
): { fix?: FindingFix[] } {
    const found: FindingFix[] = [];
    for (const side of ['from', 'to'] as const) {
        const wanted = versions[other(side)];
        if (wanted === undefined) {
            continue;
        }
        if (side === context.imageSide) {
            const from = fromLineFix(context, name, wanted, side);
            if (from) {
                found.push(from);
            }
            continue;
        }
        if (built(sideOf(context, side))) {
            continue;
        }
        const declared = (
            sideOf(context, side).runtimes[name] ??
            sideOf(context, other(side)).runtimes[name] ??
            ({ declared: [] } as Pick<RuntimeFacts, 'declared'>)
        ).declared;
        for (const declaration of declared) {
            const replacement = pinLine(declaration, wanted);
            found.push({
                description: `Switch ${sideLabel(context, side)} to ${name} ${wanted} and ${replacement === undefined ? `make ${declaration.source} allow it` : `pin ${declaration.file} to it`}.`,
                side,
                at: { file: declaration.file, line: declaration.line },
                ...(replacement === undefined ? {} : { replaceLineWith: replacement }),
            });
        }
    }
    return found.length > 0 ? { fix: found } : {};
}

function fromLineFix(context: DiffContext, name: RuntimeName, version: string, side: Side): FindingFix | undefined {
    const from = context.dockerfile?.from;
    const dockerfile = context.dockerfile;
    const imageName = from?.name?.split('/').pop();
    if (!dockerfile || !from || !imageName || !RUNTIME_IMAGES[name].includes(imageName)) {
        return undefined;
    }
    const at = { file: dockerfile.file, line: from.line };
    const line = dockerfile.lines[from.line - 1];
    // Java images are tagged by feature release (21-jre); the others take the exact version.
    const pinned = name === 'java' ? (version.split('.')[0] ?? version) : version.replace(/^(v|go)/, '');
    if (line === undefined || from.tag === null || from.tagColumns === null || !/^v?\d/.test(from.tag)) {
        return {
            description: `Pin the image to ${name} ${pinned}: change the base image in ${dockerfile.file}.`,
            side,
            at,
        };
    }
    const tag = from.tag.replace(/^v?\d+(?:\.\d+)*/, pinned);
    const [start, end] = from.tagColumns;
    return {
        description: `Pin the image to ${name} ${pinned} (${from.name ?? imageName}:${tag}).`,
        side,
        at,
        replaceLineWith: `${line.slice(0, start)}${tag}${line.slice(end)}`,
    };
}
