import { createHash, X509Certificate } from 'node:crypto';
import type { CaCertificate } from './Snapshot';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM blocks of a text (bundles hold many), with the fingerprint Node would print for each. */
export function pemBlocks(text: string): { pem: string; fingerprint256: string }[] {
    return (text.match(PEM_BLOCK) ?? []).map((pem) => ({ pem, fingerprint256: fingerprintOf(pem) }));
}

/**
 * SHA-256 over the DER bytes, colon-separated upper-case hex — the same as X509Certificate#fingerprint256
 * without parsing the certificate, which matters when comparing against hundreds of roots.
 */
export function fingerprintOf(pem: string): string {
    const start = pem.indexOf('-----', pem.indexOf('-----BEGIN') + 10) + 5;
    const der = Buffer.from(pem.slice(start, pem.indexOf('-----END')), 'base64');
    const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
    let text = hex.slice(0, 2);
    for (let i = 2; i < hex.length; i += 2) {
        text += `:${hex.slice(i, i + 2)}`;
    }
    return text;
}

/** Parses one PEM certificate; undefined for a damaged block, which must not hide the others in a bundle. */
export function parsePemCertificate(pem: string): X509Certificate | undefined {
    try {
        return new X509Certificate(pem);
    } catch {
        return undefined;
    }
}

/** The schema's view of one certificate: public facts only. */
export function caCertificate(cert: X509Certificate, origin: string, via: string): CaCertificate {
    return {
        origin,
        via,
        subject: oneLine(cert.subject),
        issuer: oneLine(cert.issuer),
        fingerprint256: cert.fingerprint256,
        notAfter: new Date(cert.validTo).toISOString(),
    };
}

/** Node prints distinguished names one attribute per line; the schema keeps them on one. */
function oneLine(name: string): string {
    return name.split('\n').filter(Boolean).join(', ');
}
