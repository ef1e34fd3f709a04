import { X509Certificate } from 'node:crypto';
import type { CaCertificate } from './Snapshot';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM blocks of a text (bundles hold many), each with its body: what identifies the certificate. */
export function pemBlocks(text: string): { pem: string; body: string }[] {
    return (text.match(PEM_BLOCK) ?? []).map((pem) => ({ pem, body: pemBody(pem) }));
}

/**
 * The base64 between a PEM block's armour lines, without line breaks: the same bytes (DER) make the same body,
 * so comparing bodies is comparing certificates — without decoding and hashing hundreds of roots (~7 ms).
 */
export function pemBody(pem: string): string {
    const start = pem.indexOf('-----', pem.indexOf('-----BEGIN') + 10) + 5;
    return pem.slice(start, pem.indexOf('-----END')).replace(/\s+/g, '');
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
