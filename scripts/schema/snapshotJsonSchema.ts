// The published JSON Schema of snapshots (schemas/snapshot.schema.json), generated from the typebox schema in
// src/core/snapshot/Snapshot.ts so the file, the TypeScript types and Parity's own validation cannot drift.
import {
    CaCertificate, CaptureIssue, CommandFact, EnvVarFact, InstalledRuntime, LimitPair, LockfileFact, NativeDependencyFact,
    PackageManagerFacts, PortFact, RuntimeDeclaration, RuntimeFacts, RuntimeName, Snapshot, SourceRef, StringFact,
} from '../../src/core/snapshot/Snapshot';

/** Parts the file names once under `definitions` and refers to with `$ref`, as editors show them by name. */
const DEFINITIONS: Readonly<Record<string, unknown>> = {
    SourceRef, RuntimeDeclaration, InstalledRuntime, RuntimeFacts, PackageManagerFacts, LockfileFact, NativeDependencyFact,
    EnvVarFact, LimitPair, CaCertificate, CaptureIssue, RuntimeName, StringFact, CommandFact, PortFact,
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The text of schemas/snapshot.schema.json. */
export function snapshotJsonSchema(): string {
    const byText = new Map(Object.entries(DEFINITIONS).map(([name, schema]) => [JSON.stringify(schema), name]));
    const withRefs = (node: Json, self?: string): Json => {
        if (Array.isArray(node)) {
            return node.map((item) => withRefs(item));
        }
        if (node === null || typeof node !== 'object') {
            return node;
        }
        const name = byText.get(JSON.stringify(node));
        if (name !== undefined && name !== self) {
            return { $ref: `#/definitions/${name}` };
        }
        return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withRefs(value)]));
    };
    const root = JSON.parse(JSON.stringify(Snapshot)) as { [key: string]: Json };
    const { $id, title, description, type, additionalProperties, required, properties } = root;
    const definitions = Object.fromEntries(Object.entries(DEFINITIONS).map(([name, schema]) => [name, withRefs(JSON.parse(JSON.stringify(schema)) as Json, name)]));
    const file = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id, title, description, type, additionalProperties, required,
        properties: withRefs(properties ?? null),
        definitions,
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}
