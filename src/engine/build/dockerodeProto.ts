/**
 * The path of one of dockerode's .proto files (buildkit_status.proto, auth.proto): next to the running bundle
 * (scripts/build.mjs copies dockerode's proto folder to dist/proto), else in the dockerode package (running from
 * source). `require` resolves relative to the running file in every bundle, CommonJS or the CLI's ES modules.
 */
export function dockerodeProto(name: string): string {
    for (const candidate of [`./proto/${name}`, `dockerode/lib/proto/${name}`]) {
        try {
            return require.resolve(candidate);
        } catch {
            // not here: the next place
        }
    }
    throw new Error(`dockerode's ${name} is missing: reinstall Parity.`);
}
