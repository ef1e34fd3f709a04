import { rootCertificates } from 'node:tls';
import { caCertificate, parsePemCertificate, pemBlocks, pemBody } from './pemCertificates';
import type { CaCertificate, CaptureIssue } from './Snapshot';

/** Variables that point programs at extra or replacement CA bundles (the probe script reads the same). */
export const CA_SETTING_VARS = [
    'NODE_EXTRA_CA_CERTS',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    'PIP_CERT',
    'GIT_SSL_CAINFO',
    'AWS_CA_BUNDLE',
    'NPM_CONFIG_CAFILE',
    'npm_config_cafile',
    'NIX_SSL_CERT_FILE',
    'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH',
    'DENO_CERT',
] as const;

/** Folders Linux distributions take locally added CAs from (the probe script reads the same). */
export const LOCAL_CA_DIRS = [
    '/usr/local/share/ca-certificates',
    '/etc/pki/ca-trust/source/anchors',
    '/etc/ca-certificates/trust-source/anchors',
] as const;

/**
 * Distributions' generated trust stores (bundle files and hashed folders): the stock roots plus whatever
 * LOCAL_CA_DIRS add. A setting that points at one adds nothing beyond those folders, so it need not be read.
 */
export const SYSTEM_CA_LOCATIONS: ReadonlySet<string> = new Set([
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/ssl/cert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/certs',
    '/etc/pki/tls/certs',
    '/etc/pki/ca-trust/extracted/pem',
]);

/** A file that holds CA certificates, and the setting or folder that makes programs trust it. */
export interface CaFile {
    readonly via: string;
    readonly path: string;
    readonly text: string;
}

/** The roots Node ships (Mozilla's), by PEM body: what "beyond the public roots" is measured against. */
export function nodeRootBodies(): Set<string> {
    return new Set(rootCertificates.map(pemBody));
}

/**
 * The CA certificates in these files that are not standard roots, once each (the first place found wins),
 * in the order found. Certificates are compared by their PEM body; only the few non-standard ones are parsed.
 */
export function extraCertificates(
    files: readonly CaFile[],
    issues: CaptureIssue[],
    standard: ReadonlySet<string> = nodeRootBodies(),
): CaCertificate[] {
    return findExtraCertificates(files, issues, standard).map((found) => found.cert);
}

/** extraCertificates with each certificate's PEM text, for the bundle a build trusts. */
export function findExtraCertificates(
    files: readonly CaFile[],
    issues: CaptureIssue[],
    standard: ReadonlySet<string> = nodeRootBodies(),
): { cert: CaCertificate; pem: string }[] {
    const found = new Map<string, { cert: CaCertificate; pem: string }>();
    for (const file of files) {
        const blocks = pemBlocks(file.text);
        if (blocks.length === 0) {
            issues.push({
                severity: 'info',
                message: `${file.path} (${file.via}) holds no PEM certificate Parity could read.`,
            });
        }
        for (const block of blocks) {
            if (standard.has(block.body) || found.has(block.body)) {
                continue;
            }
            const cert = parsePemCertificate(block.pem);
            if (cert?.ca) {
                found.set(block.body, { cert: caCertificate(cert, file.path, file.via), pem: block.pem });
            }
        }
    }
    return [...found.values()];
}
