import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The test bed's Maven mirror (scripts/testbed/maven-mirror.sh): Debian's Maven repository over HTTP on the
 * engine's bridge gateway, where build steps reach it. Fails with the command that starts it.
 */
export function mavenMirrorUrl(): string {
    const file = join(process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed', 'maven-mirror', 'url');
    try {
        return readFileSync(file, 'utf8').trim();
    } catch {
        throw new Error(
            `The test bed's Maven mirror is not up (no ${file}). Start it with: npm run testbed -- up maven-mirror`,
        );
    }
}
