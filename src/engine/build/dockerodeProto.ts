import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The path of one of dockerode's .proto files (buildkit_status.proto, auth.proto): next to the bundle
 * (scripts/build.mjs copies dockerode's proto folder to dist/proto), else in the dockerode package.
 */
export function dockerodeProto(name: string): string {
    const bundled = join(__dirname, 'proto', name);
    if (existsSync(bundled)) {
        return bundled;
    }
    return join(dirname(createRequire(__filename).resolve('dockerode')), 'proto', name);
}
