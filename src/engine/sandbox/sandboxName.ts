import { randomBytes } from 'node:crypto';

/** `parity-sandbox-<what>-<random>`: recognisable in `docker ps`, unique, and a valid container name. */
export function sandboxName(what: string): string {
    const slug = what
        .toLowerCase()
        .replace(/^.*\//, '')
        .replace(/[:@].*$/, '')
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
        .slice(0, 40);
    return `parity-sandbox-${slug || 'app'}-${randomBytes(3).toString('hex')}`;
}
