/**
 * Where a Docker engine listens, parsed from the strings Docker itself accepts
 * (`DOCKER_HOST`, a context's endpoint, the `parity.docker.host` setting).
 */
export type EngineAddress =
    | { readonly kind: 'unix'; readonly path: string }
    | { readonly kind: 'npipe'; readonly path: string }
    | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
    | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly user?: string };

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NPIPE = '//./pipe/docker_engine';

export class EngineAddressError extends Error {
    constructor(
        readonly input: string,
        reason: string,
    ) {
        super(
            `"${input}" is not a Docker engine address: ${reason}. Use unix:///path, tcp://host:port, ssh://user@host or npipe:////./pipe/name.`,
        );
        this.name = 'EngineAddressError';
    }
}

/** Parses an engine address the way the Docker CLI does; a bare `host:port` means tcp. */
export function parseEngineAddress(input: string): EngineAddress {
    const raw = input.trim();
    if (raw === '') {
        throw new EngineAddressError(input, 'it is empty');
    }
    if (raw.startsWith('unix://')) {
        return { kind: 'unix', path: raw.slice('unix://'.length) || DEFAULT_UNIX_SOCKET };
    }
    if (raw.startsWith('npipe://')) {
        return { kind: 'npipe', path: raw.slice('npipe://'.length) || DEFAULT_NPIPE };
    }
    const withScheme = raw.includes('://') ? raw : `tcp://${raw}`;
    let url: URL;
    try {
        url = new URL(withScheme);
    } catch {
        throw new EngineAddressError(input, 'it cannot be parsed');
    }
    if (url.hostname === '') {
        throw new EngineAddressError(input, 'it names no host');
    }
    const port = url.port === '' ? undefined : Number(url.port);
    switch (url.protocol) {
        case 'tcp:':
        case 'http:':
        case 'https:':
            return { kind: 'tcp', host: url.hostname, port: port ?? (url.protocol === 'http:' ? 2375 : 2376) };
        case 'ssh:':
            return {
                kind: 'ssh',
                host: url.hostname,
                port: port ?? 22,
                ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
            };
        default:
            throw new EngineAddressError(input, `the scheme ${url.protocol.replace(':', '')} is not supported`);
    }
}

/** The canonical text of an address, as shown to people and in logs. */
export function formatEngineAddress(address: EngineAddress): string {
    switch (address.kind) {
        case 'unix':
            return `unix://${address.path}`;
        case 'npipe':
            return `npipe://${address.path}`;
        case 'tcp':
            return `tcp://${address.host}:${address.port}`;
        case 'ssh':
            return `ssh://${address.user ? `${address.user}@` : ''}${address.host}${address.port === 22 ? '' : `:${address.port}`}`;
    }
}
