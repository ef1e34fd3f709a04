// The published JSON Schema of .parity/config.json (schemas/config.schema.json), generated from the typebox
// schema in src/core/diff/DiffConfig.ts so the file, the types and parseDiffConfig cannot drift.
import { DiffConfig } from '../../src/core/diff/DiffConfig';

/** The text of schemas/config.schema.json. */
export function configJsonSchema(): string {
    const { $id, title, description, ...rest } = JSON.parse(JSON.stringify(DiffConfig)) as Record<string, unknown>;
    return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id, title, description, ...rest }, null, 2)}\n`;
}
