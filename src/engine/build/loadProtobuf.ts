/**
 * protobufjs, loaded on first use (a BuildKit build). Its CommonJS entry re-exports through a require()
 * Node cannot see statically, so under Node's ESM loader the API sits on `default`; bundled, it is both.
 */
export async function loadProtobuf(): Promise<typeof import('protobufjs')> {
    const module = await import('protobufjs');
    return (module as unknown as { default?: typeof module }).default ?? module;
}
