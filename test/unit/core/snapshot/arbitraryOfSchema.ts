import fc from 'fast-check';

type Node = Readonly<Record<string, unknown>>;

/**
 * Values valid against a JSON Schema — the subset the Snapshot schema uses (type, const, enum, anyOf, properties,
 * required, additionalProperties, items, minimum/maximum, maxLength, pattern, date-time) — so property tests draw
 * snapshots from the schema itself rather than from a second description of it.
 */
export function arbitraryOfSchema(schema: Node): fc.Arbitrary<unknown> {
    if ('const' in schema) {
        return fc.constant(schema.const);
    }
    if (Array.isArray(schema.enum)) {
        return fc.constantFrom(...(schema.enum as unknown[]));
    }
    if (Array.isArray(schema.anyOf)) {
        return fc.oneof(...(schema.anyOf as Node[]).map(arbitraryOfSchema));
    }
    const num = (integer: boolean): fc.Arbitrary<number> => {
        const min = typeof schema.minimum === 'number' ? schema.minimum : -(2 ** 53);
        const max = typeof schema.maximum === 'number' ? schema.maximum : 2 ** 53;
        return integer
            ? fc.oneof(
                  fc.constantFrom(min, max),
                  fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
                  fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number),
              )
            : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    };
    switch (schema.type) {
        case 'null':
            return fc.constant(null);
        case 'boolean':
            return fc.boolean();
        case 'integer':
            return num(true);
        case 'number':
            return num(false);
        case 'string':
            if (schema.format === 'date-time') {
                return fc
                    .date({
                        min: new Date('1970-01-01T00:00:00Z'),
                        max: new Date('2200-01-01T00:00:00Z'),
                        noInvalidDate: true,
                    })
                    .map((date) => date.toISOString());
            }
            if (typeof schema.pattern === 'string') {
                return fc.stringMatching(new RegExp(schema.pattern));
            }
            return fc.string({
                unit: 'grapheme',
                maxLength: Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40),
            });
        case 'array':
            return fc.array(arbitraryOfSchema(schema.items as Node), { maxLength: 3 });
        case 'object': {
            const properties = (schema.properties ?? {}) as Readonly<Record<string, Node>>;
            const required = (schema.required ?? []) as readonly string[];
            const known = fc.record(
                Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryOfSchema(value)])),
                { requiredKeys: required.filter((key) => key in properties) },
            );
            const extra = schema.additionalProperties;
            if (typeof extra !== 'object' || extra === null) {
                return known;
            }
            return fc
                .tuple(
                    known,
                    fc.dictionary(
                        fc.string({ maxLength: 12 }).filter((key) => !(key in properties) && key !== '__proto__'),
                        arbitraryOfSchema(extra as Node),
                        { maxKeys: 3 },
                    ),
                )
                .map(([fixed, more]) => ({ ...more, ...fixed }));
        }
        default:
            throw new Error(`arbitraryOfSchema: no generator for ${JSON.stringify(schema).slice(0, 200)}`);
    }
}
