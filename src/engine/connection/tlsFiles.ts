import { join } from 'node:path';
import type { EngineTls } from '../../core/selectEngine';

/** The three files of a TLS connection: explicit ones first, else ca.pem / cert.pem / key.pem in the folder. */
export interface TlsFiles {
    readonly caFile?: string;
    readonly certFile?: string;
    readonly keyFile?: string;
}

export function tlsFiles(tls: EngineTls): TlsFiles {
    const inDir = (name: string): string | undefined => (tls.certDir ? join(tls.certDir, name) : undefined);
    const caFile = tls.caFile ?? inDir('ca.pem');
    const certFile = tls.certFile ?? inDir('cert.pem');
    const keyFile = tls.keyFile ?? inDir('key.pem');
    return { ...(caFile ? { caFile } : {}), ...(certFile ? { certFile } : {}), ...(keyFile ? { keyFile } : {}) };
}
