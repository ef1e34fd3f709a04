import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TlsFiles } from './tlsFiles';

/** Node/OpenSSL error codes that mean "the engine's certificate is not signed by the CA we trust". */
const UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_SIGNATURE_FAILURE',
]);
/** TLS alerts by which the engine refuses the client certificate (or its absence). */
const CLIENT_REFUSED =
    /^ERR_SSL_(SSLV3_ALERT_BAD_CERTIFICATE|SSLV3_ALERT_CERTIFICATE_EXPIRED|SSLV3_ALERT_CERTIFICATE_UNKNOWN|TLSV1_ALERT_UNKNOWN_CA|TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_CERTIFICATE_REVOKED|TLSV1_ALERT_DECRYPT_ERROR)$/;

/**
 * The certificate problem behind a failed TLS connection, as one sentence naming the files involved;
 * undefined when the error is not a TLS one. `where` is "tcp://host:port (from SOURCE)".
 */
export function describeTlsFailure(
    error: { code?: string; message?: string },
    where: string,
    files: TlsFiles | undefined,
): string | undefined {
    const code = error.code ?? '';
    const ca = files?.caFile ? ` (CA: ${files.caFile})` : '';
    if (UNTRUSTED.has(code)) {
        return `The certificate of the Docker engine at ${where} is not signed by the CA Parity trusts${ca}. Use the engine's own ca.pem: point DOCKER_CERT_PATH at the folder the engine's certificates came from.`;
    }
    if (code === 'CERT_HAS_EXPIRED') {
        return `The certificate of the Docker engine at ${where} has expired. Renew the engine's server certificate (its --tlscert) and restart it.`;
    }
    if (code === 'CERT_NOT_YET_VALID') {
        return `The certificate of the Docker engine at ${where} is not valid yet. Check the clock of this machine and of the engine.`;
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return `The certificate of the Docker engine at ${where} is for another host name: ${error.message ?? code}. Connect with a name the certificate lists, or reissue it with this one.`;
    }
    if (CLIENT_REFUSED.test(code)) {
        const client = files?.certFile;
        const expired = client ? expiredOn(client) : undefined;
        if (expired) {
            return `The Docker engine at ${where} refused the client certificate ${client}: it expired on ${expired}. Make a new client certificate signed by the engine's CA.`;
        }
        return client
            ? `The Docker engine at ${where} refused the client certificate ${client}: it is not signed by the CA the engine trusts, or has expired. Use a client certificate made with the engine's CA.`
            : `The Docker engine at ${where} requires a client certificate and none was given. Set DOCKER_CERT_PATH to a folder with ca.pem, cert.pem and key.pem.`;
    }
    if (
        code === 'EPROTO' ||
        code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        /wrong version number|packet length too long|unknown protocol/i.test(error.message ?? '')
    ) {
        return `Nothing at ${where} speaks TLS (is it a plain, unencrypted port?). Connect without TLS (unset DOCKER_TLS_VERIFY) only if that port really is a Docker engine, or use the engine's TLS port.`;
    }
    if (/^(ERR_SSL_|ERR_TLS_|CERT_)/.test(code)) {
        return `TLS failed talking to Docker at ${where}: ${error.message ?? code}. Check the certificates${ca}.`;
    }
    return undefined;
}

/** The expiry date of a certificate file if it has expired, else undefined (also when it cannot be read). */
function expiredOn(file: string): string | undefined {
    try {
        const certificate = new X509Certificate(readFileSync(file));
        const end = new Date(certificate.validTo);
        return end.getTime() < Date.now() ? end.toISOString().slice(0, 10) : undefined;
    } catch {
        return undefined;
    }
}
