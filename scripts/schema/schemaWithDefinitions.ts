// The shared step of Parity's JSON Schema generators: typebox inlines every sub-schema, so parts worth a name
// are put once under `definitions` and referred to with `$ref`, as editors show them by name.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `properties` with each named part replaced by a `$ref`, and the `definitions` that hold those parts. */
export function schemaWithDefinitions(
    properties: Json,
    parts: Readonly<Record<string, unknown>>,
): { properties: Json; definitions: Record<string, Json> } {
    const byText = new Map(Object.entries(parts).map(([name, schema]) => [JSON.stringify(schema), name]));
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
    return {
        properties: withRefs(properties),
        definitions: Object.fromEntries(
            Object.entries(parts).map(([name, schema]) => [
                name,
                withRefs(JSON.parse(JSON.stringify(schema)) as Json, name),
            ]),
        ),
    };
}
