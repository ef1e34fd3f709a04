// The published JSON Schema of snapshots (schemas/snapshot.schema.json), generated from the typebox schema in
// src/core/snapshot/Snapshot.ts so the file, the TypeScript types and Parity's own validation cannot drift.
import {
    CaCertificate,
    CaptureIssue,
    CommandFact,
    EnvVarFact,
    InstalledRuntime,
    LimitPair,
    LockfileFact,
    NativeDependencyFact,
    PackageManagerFacts,
    PortFact,
    RuntimeDeclaration,
    RuntimeFacts,
    RuntimeName,
    Snapshot,
    SourceRef,
    StringFact,
} from '../../src/core/snapshot/Snapshot';
import { type Json, schemaWithDefinitions } from './schemaWithDefinitions';

/** Parts the file names once under `definitions` and refers to with `$ref`, as editors show them by name. */
const DEFINITIONS: Readonly<Record<string, unknown>> = {
    SourceRef,
    RuntimeDeclaration,
    InstalledRuntime,
    RuntimeFacts,
    PackageManagerFacts,
    LockfileFact,
    NativeDependencyFact,
    EnvVarFact,
    LimitPair,
    CaCertificate,
    CaptureIssue,
    RuntimeName,
    StringFact,
    CommandFact,
    PortFact,
};

/** The text of schemas/snapshot.schema.json. */
export function snapshotJsonSchema(): string {
    const root = JSON.parse(JSON.stringify(Snapshot)) as { [key: string]: Json };
    const { $id, title, description, type, additionalProperties, required, properties } = root;
    const file = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id,
        title,
        description,
        type,
        additionalProperties,
        required,
        ...schemaWithDefinitions(properties ?? null, DEFINITIONS),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}
