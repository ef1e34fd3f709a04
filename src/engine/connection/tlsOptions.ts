import { existsSync, readFileSync } from 'node:fs';
import type { EngineTls } from '../../core/selectEngine';
import { tlsFiles } from './tlsFiles';

export interface TlsMaterial {
    readonly ca?: Buffer;
    readonly cert?: Buffer;
    readonly key?: Buffer;
}

/**
 * Reads the TLS material for a tcp:// engine. Like the Docker CLI, files named explicitly must exist, and a
 * folder's files are optional one by one — except that verifying needs a CA and a certificate needs its key.
 * Throws an Error whose message names the missing file; the caller makes it a `config` EngineError.
 */
export function tlsOptions(tls: EngineTls): TlsMaterial {
    const files = tlsFiles(tls);
    const read = (file: string | undefined, explicit: string | undefined, role: string): Buffer | undefined => {
        if (!file) {
            return undefined;
        }
        if (!existsSync(file)) {
            if (explicit) {
                throw new Error(`the ${role} ${file} does not exist`);
            }
            return undefined;
        }
        return readFileSync(file);
    };
    const ca = read(files.caFile, tls.caFile, 'CA certificate');
    const cert = read(files.certFile, tls.certFile, 'client certificate');
    const key = read(files.keyFile, tls.keyFile, 'client key');
    if (tls.verify && !ca) {
        throw new Error(
            `TLS verification is on but there is no CA certificate${files.caFile ? ` (${files.caFile} does not exist)` : ''}: set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem`,
        );
    }
    if (Boolean(cert) !== Boolean(key)) {
        throw new Error(
            cert
                ? `the client certificate ${files.certFile ?? ''} has no key (${files.keyFile ?? 'key.pem'} is missing)`
                : `the client key ${files.keyFile ?? ''} has no certificate (${files.certFile ?? 'cert.pem'} is missing)`,
        );
    }
    return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}
