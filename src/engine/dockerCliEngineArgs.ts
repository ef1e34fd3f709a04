import { formatEngineAddress } from '../core/engineAddress';
import type { EngineSelection } from '../core/selectEngine';
import { tlsFiles } from './connection/tlsFiles';

/**
 * The docker CLI's global flags for the engine Parity resolved — `--host ADDRESS`, and for a tcp:// engine
 * with TLS `--tlsverify` (or `--tls`) with the CA, certificate and key files — so a `docker exec` Parity
 * opens for the user reaches the same engine with the same credentials, whatever DOCKER_HOST says.
 */
export function dockerCliEngineArgs(selection: EngineSelection): string[] {
    const args = ['--host', formatEngineAddress(selection.address)];
    if (selection.address.kind === 'tcp' && selection.tls) {
        const files = tlsFiles(selection.tls);
        args.push(selection.tls.verify ? '--tlsverify' : '--tls');
        if (files.caFile) {
            args.push('--tlscacert', files.caFile);
        }
        if (files.certFile) {
            args.push('--tlscert', files.certFile);
        }
        if (files.keyFile) {
            args.push('--tlskey', files.keyFile);
        }
    }
    return args;
}
