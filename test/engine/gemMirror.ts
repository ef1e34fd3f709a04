import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/testbed/gem-mirror.sh writes the mirror's address (the engine's bridge gateway, reachable from builds). */
const URL_FILE = join(process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed', 'gem-mirror', 'url');

/** The test bed's RubyGems mirror (Debian's ruby-* gems); fails with the command that starts it when it does not answer. */
export async function requireGemMirror(): Promise<string> {
    const start = 'Start it with: npm run testbed -- up images gem-mirror';
    if (!existsSync(URL_FILE)) {
        throw new Error(`The test bed's gem mirror is not up (no ${URL_FILE}). ${start}`);
    }
    const url = readFileSync(URL_FILE, 'utf8').trim();
    const answer = await fetch(new URL('specs.4.8.gz', url), { signal: AbortSignal.timeout(5000) }).catch(
        (error: unknown) => error as Error,
    );
    if (answer instanceof Error || !answer.ok) {
        throw new Error(
            `The test bed's gem mirror at ${url} does not answer (${answer instanceof Error ? answer.message : `HTTP ${answer.status}`}). ${start}`,
        );
    }
    return url;
}
