import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineSelection } from '../core/selectEngine';
import type { DockerodeOptions } from './Dockerode';

/**
 * Turns a selection into dockerode options. Every connection key is set explicitly because
 * docker-modem merges its own DOCKER_HOST-derived defaults underneath whatever we pass.
 */
export function dockerodeOptions(selection: EngineSelection, env: Readonly<Record<string, string | undefined>>): DockerodeOptions {
    const none = { socketPath: undefined, host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined } as const;
    const address = selection.address;
    switch (address.kind) {
        case 'unix':
        case 'npipe':
            return { ...none, socketPath: address.path, protocol: 'http' };
        case 'tcp': {
            if (!selection.tls) {
                return { ...none, host: address.host, port: address.port, protocol: 'http' };
            }
            const material = readTlsMaterial(selection.tls.certDir);
            const options: DockerodeOptions = { ...none, host: address.host, port: address.port, protocol: 'https', ...material };
            // docker-modem has no "skip verify" switch; an agent carries it together with the client certificate.
            return selection.tls.verify ? options : { ...options, agent: new Agent({ ...material, rejectUnauthorized: false }) };
        }
        case 'ssh':
            return {
                ...none,
                protocol: 'ssh',
                host: address.host,
                port: address.port,
                ...(address.user ? { username: address.user } : {}),
                sshOptions: { ...(env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {}), ...defaultIdentity() },
            };
    }
}

function readTlsMaterial(certDir: string | undefined): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
    if (!certDir) {
        return {};
    }
    const read = (name: string): Buffer | undefined => {
        const file = join(certDir, name);
        return existsSync(file) ? readFileSync(file) : undefined;
    };
    const ca = read('ca.pem');
    const cert = read('cert.pem');
    const key = read('key.pem');
    return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

/** Like the ssh client, fall back to the user's default key when no agent holds one. */
function defaultIdentity(): { privateKey?: Buffer } {
    for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
        const file = join(homedir(), '.ssh', name);
        if (existsSync(file)) {
            return { privateKey: readFileSync(file) };
        }
    }
    return {};
}
