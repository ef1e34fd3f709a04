import type { Finding, Side } from '../findings/Finding';
import type { Snapshot } from '../snapshot/Snapshot';
import type { RuleId } from './DIFF_RULE_TABLE';
import type { DiffProject } from './DiffProject';
import type { UnknownFacet } from './DiffResult';
import type { DiffRules } from './DiffRules';
import { envFileKeys } from './envFileKeys';
import { type DockerfileFacts, readDockerfileFacts } from './readDockerfileFacts';

/** A finding before the rules give it a severity (and maybe a by-design reason). */
export type Draft = Omit<Finding, 'severity' | 'rule' | 'byDesign'> & { readonly rule: RuleId };

/** What every facet comparer reads, and where it notes facts it could not compare. */
export interface DiffContext {
    readonly from: Snapshot;
    readonly to: Snapshot;
    readonly dockerfile: DockerfileFacts | null;
    /** The side the Dockerfile builds, so FROM/ENV/USER/EXPOSE fixes change that side; null without a Dockerfile. */
    readonly imageSide: Side | null;
    /** Keys of .env-style files, with file and line. */
    readonly envDeclarations: ReadonlyMap<string, { readonly file: string; readonly line: number }>;
    readonly requiredEnv: ReadonlySet<string>;
    readonly unknown: UnknownFacet[];
}

export function createDiffContext(from: Snapshot, to: Snapshot, rules: DiffRules, project: DiffProject): DiffContext {
    const envDeclarations = new Map<string, { file: string; line: number }>();
    for (const { file, text } of project.envFiles ?? []) {
        for (const [key, line] of envFileKeys(text)) {
            if (!envDeclarations.has(key)) {
                envDeclarations.set(key, { file, line });
            }
        }
    }
    for (const snapshot of [from, to]) {
        for (const [name, fact] of Object.entries(snapshot.env)) {
            if (typeof fact.source === 'object' && !envDeclarations.has(name)) {
                envDeclarations.set(name, { file: fact.source.file, line: fact.source.line });
            }
        }
    }
    const imageSide = project.dockerfile
        ? (project.imageSide ?? (built(to) ? 'to' : built(from) ? 'from' : null))
        : null;
    return {
        from,
        to,
        dockerfile: project.dockerfile
            ? readDockerfileFacts(project.dockerfile.file, project.dockerfile.text, project.baseImage)
            : null,
        imageSide,
        envDeclarations,
        requiredEnv: new Set([...rules.requiredEnv, ...envDeclarations.keys()]),
        unknown: [],
    };
}

/** An image or container gets its runtimes from its base image, not from the project's pin files. */
export function built(snapshot: Snapshot): boolean {
    return snapshot.meta.source.kind === 'image' || snapshot.meta.source.kind === 'container';
}

export function sideOf(context: DiffContext, side: Side): Snapshot {
    return side === 'from' ? context.from : context.to;
}

export function other(side: Side): Side {
    return side === 'from' ? 'to' : 'from';
}

/** "the to side (image app:1)": how messages name a side. */
export function sideLabel(context: DiffContext, side: Side): string {
    const { kind, ref } = sideOf(context, side).meta.source;
    return `the ${side} side (${kind} ${ref})`;
}
