import type { EngineAddress } from '../engineAddress';

/**
 * Where a published port is reached: on this machine for a local engine (socket or pipe), on the engine's
 * host for a remote one (tcp://, ssh://).
 */
export function publishedPortHost(address: EngineAddress): string {
    return address.kind === 'tcp' || address.kind === 'ssh' ? address.host : 'localhost';
}
