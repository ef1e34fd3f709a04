import { createHash, createHmac } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostLine {
    /** Comma-separated patterns (`host`, `[host]:port`, wildcards, `!negation`), or one hashed `|1|salt|hash` entry. */
    readonly hosts: string;
    readonly marker?: 'revoked' | 'cert-authority';
    readonly keyType: string;
    readonly keyBase64: string;
}

/** What known_hosts says about the key a host showed. */
export type HostKeyVerdict = 'trusted' | 'unknown' | 'changed' | 'revoked';

/** Parses known_hosts text; comments, blank and malformed lines are skipped as OpenSSH does. */
export function parseKnownHosts(text: string): KnownHostLine[] {
    const lines: KnownHostLine[] = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const fields = line.split(/\s+/);
        let marker: KnownHostLine['marker'];
        if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
            marker = fields[0].slice(1) as KnownHostLine['marker'];
            fields.shift();
        }
        const [hosts, keyType, keyBase64] = fields;
        if (!hosts || !keyType || !keyBase64) {
            continue;
        }
        lines.push({ hosts, keyType, keyBase64, ...(marker ? { marker } : {}) });
    }
    return lines;
}

/** The name known_hosts files use for a host: `host` on port 22, `[host]:port` elsewhere. */
export function knownHostName(host: string, port: number): string {
    return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * Checks the key a host presented against known_hosts lines, like OpenSSH's StrictHostKeyChecking:
 * a revoked key is refused, a listed key is trusted, another key of the host is a changed key
 * (possibly an attack), no line for the host at all is unknown.
 * Certificate authorities are not followed: a host known only through one counts as unknown.
 */
export function verifyHostKey(
    lines: readonly KnownHostLine[],
    host: string,
    port: number,
    keyType: string,
    keyBase64: string,
): HostKeyVerdict {
    const name = knownHostName(host, port);
    if (lines.some((line) => line.marker === 'revoked' && line.keyBase64 === keyBase64)) {
        return 'revoked';
    }
    let hostListed = false;
    for (const line of lines) {
        if (line.marker !== undefined || !hostsMatch(line.hosts, name)) {
            continue;
        }
        if (line.keyType === keyType && line.keyBase64 === keyBase64) {
            return 'trusted';
        }
        hostListed = true;
    }
    return hostListed ? 'changed' : 'unknown';
}

/** The fingerprint OpenSSH prints (`SHA256:` + unpadded base64 of the key blob's SHA-256). */
export function hostKeyFingerprint(keyBase64: string): string {
    return `SHA256:${createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** A known_hosts line that trusts this key for this host, as `ssh` itself appends it. */
export function knownHostsLine(host: string, port: number, keyType: string, keyBase64: string): string {
    return `${knownHostName(host, port)} ${keyType} ${keyBase64}`;
}

/** The key type named inside an SSH public-key blob (its first length-prefixed string). */
export function keyTypeOfBlob(blob: Buffer): string {
    if (blob.length < 4) {
        return 'unknown';
    }
    const length = blob.readUInt32BE(0);
    return length > 0 && 4 + length <= blob.length ? blob.subarray(4, 4 + length).toString('ascii') : 'unknown';
}

function hostsMatch(hosts: string, name: string): boolean {
    if (hosts.startsWith('|1|')) {
        const [, , salt, hash] = hosts.split('|');
        if (!salt || !hash) {
            return false;
        }
        return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
    }
    let matched = false;
    for (const pattern of hosts.split(',')) {
        const negated = pattern.startsWith('!');
        if (globMatch(negated ? pattern.slice(1) : pattern, name)) {
            if (negated) {
                return false;
            }
            matched = true;
        }
    }
    return matched;
}

/** OpenSSH host patterns: `*` any run, `?` one character; case-insensitive like host names. */
function globMatch(pattern: string, name: string): boolean {
    const source = pattern
        .toLowerCase()
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(name.toLowerCase());
}
