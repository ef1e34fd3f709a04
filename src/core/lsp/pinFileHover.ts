import { hoverTable, type HoverText } from '../dockerfile/dockerfileHover';
import { lineSpan } from '../dockerfile/DockerfileProblem';
import type { RuntimeDeclaration, RuntimeName, Snapshot } from '../snapshot/Snapshot';

/** On a pin's line: the version it declares, the one installed locally and the target's, with when each was captured. */
export function pinFileHover(
    text: string,
    line: number,
    declared: Readonly<Partial<Record<RuntimeName, readonly RuntimeDeclaration[]>>>,
    sides: { local?: Snapshot; target?: Snapshot },
    nowMs: number,
): HoverText | undefined {
    const rows: [string, string, string][] = [];
    for (const [name, declarations] of Object.entries(declared) as [RuntimeName, readonly RuntimeDeclaration[]][]) {
        for (const declaration of declarations.filter((candidate) => candidate.line === line + 1)) {
            const installed = (snapshot: Snapshot): string =>
                snapshot.runtimes[name]?.installed?.version ?? 'not installed';
            rows.push([
                `${name} (${declaration.source})`,
                declaration.raw,
                [
                    sides.local && `local: ${installed(sides.local)}`,
                    sides.target && `target: ${installed(sides.target)}`,
                ]
                    .filter(Boolean)
                    .join(' · '),
            ]);
        }
    }
    return rows.length === 0 ? undefined : { markdown: hoverTable(rows, sides, nowMs), span: lineSpan(line, text) };
}
