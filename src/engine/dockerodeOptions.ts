import { Agent } from 'node:https';
import type { EngineSelection } from '../core/selectEngine';
import type { HostKeyProblem } from './connection/HostKeyProblem';
import { sshOptions } from './connection/sshOptions';
import { tlsOptions } from './connection/tlsOptions';
import type { DockerodeOptions } from './Dockerode';

/**
 * Turns a selection into dockerode options — the one connection path of the CLI and VS Code. Every connection
 * key is set explicitly because docker-modem merges its own DOCKER_HOST-derived defaults underneath whatever
 * we pass. Throws an Error naming the file when TLS or ssh material is missing.
 */
export function dockerodeOptions(
    selection: EngineSelection,
    env: Readonly<Record<string, string | undefined>>,
    onHostKeyRejected: (problem: HostKeyProblem) => void = () => undefined,
    /** Bounds an ssh handshake, so a host that accepts TCP and never speaks does not outlive the call's deadline. */
    connectTimeoutMs?: number,
): DockerodeOptions {
    const none = {
        socketPath: undefined,
        host: undefined,
        port: undefined,
        ca: undefined,
        cert: undefined,
        key: undefined,
    } as const;
    const address = selection.address;
    switch (address.kind) {
        case 'unix':
        case 'npipe':
            return { ...none, socketPath: address.path, protocol: 'http' };
        case 'tcp': {
            if (!selection.tls) {
                return { ...none, host: address.host, port: address.port, protocol: 'http' };
            }
            const material = tlsOptions(selection.tls);
            const options: DockerodeOptions = {
                ...none,
                host: address.host,
                port: address.port,
                protocol: 'https',
                ...material,
            };
            // docker-modem has no "skip verify" switch; an agent carries it together with the client certificate.
            return selection.tls.verify
                ? options
                : { ...options, agent: new Agent({ ...material, rejectUnauthorized: false }) };
        }
        case 'ssh':
            return {
                ...none,
                protocol: 'ssh',
                host: address.host,
                port: address.port,
                ...(address.user ? { username: address.user } : {}),
                sshOptions: sshOptions(
                    address.host,
                    address.port,
                    selection.ssh,
                    env,
                    onHostKeyRejected,
                    connectTimeoutMs,
                ),
            };
    }
}
