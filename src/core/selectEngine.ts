import { DEFAULT_NPIPE, DEFAULT_UNIX_SOCKET, type EngineAddress, parseEngineAddress } from './engineAddress';

/** A Docker context's docker endpoint, as stored under `~/.docker/contexts/meta`. */
export interface DockerContextEndpoint {
    readonly host: string;
    readonly skipTlsVerify: boolean;
    /** Folder holding the context's ca.pem / cert.pem / key.pem, when it has TLS material. */
    readonly tlsDir?: string;
}

export interface EngineSelectionInput {
    /** An explicit address (the parity.docker.host setting, the CLI's --host) and where it came from; blank means "not set". */
    readonly override?: EngineOverride;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** `currentContext` from the Docker CLI's config.json. */
    readonly currentContext?: string;
    readonly contexts: ReadonlyMap<string, DockerContextEndpoint>;
    readonly platform: NodeJS.Platform;
    /** `$DOCKER_CONFIG` or `~/.docker`: where DOCKER_CERT_PATH defaults to. */
    readonly dockerConfigDir: string;
}

export interface EngineOverride {
    readonly value: string;
    readonly source: string;
}

export interface EngineTls {
    readonly certDir?: string;
    readonly verify: boolean;
}

/** Which engine to talk to, and why — the "why" is shown next to every connection error. */
export interface EngineSelection {
    readonly address: EngineAddress;
    readonly source: string;
    readonly tls?: EngineTls;
}

/**
 * Chooses the engine with the Docker CLI's precedence, the override playing the role of `--host`:
 * override → DOCKER_HOST → DOCKER_CONTEXT → config.json currentContext → the platform default.
 * Throws EngineAddressError for an unparsable address, and Error for an unknown context.
 */
export function selectEngine(input: EngineSelectionInput): EngineSelection {
    const override = input.override?.value.trim();
    if (override) {
        return withEnvTls(parseEngineAddress(override), input.override?.source ?? 'an explicit address', input);
    }
    const dockerHost = input.env.DOCKER_HOST?.trim();
    if (dockerHost) {
        return withEnvTls(parseEngineAddress(dockerHost), 'DOCKER_HOST', input);
    }
    const envContext = input.env.DOCKER_CONTEXT?.trim();
    const contextName = envContext || input.currentContext?.trim();
    if (contextName && contextName !== 'default') {
        const endpoint = input.contexts.get(contextName);
        if (!endpoint) {
            const known = [...input.contexts.keys()].sort().join(', ') || 'none';
            throw new Error(`Docker context "${contextName}" (from ${envContext ? 'DOCKER_CONTEXT' : 'the Docker CLI config'}) does not exist. Known contexts: ${known}.`);
        }
        const address = parseEngineAddress(endpoint.host);
        const source = `Docker context "${contextName}"`;
        if (address.kind !== 'tcp' || (!endpoint.tlsDir && !endpoint.skipTlsVerify)) {
            return { address, source };
        }
        return { address, source, tls: { ...(endpoint.tlsDir ? { certDir: endpoint.tlsDir } : {}), verify: !endpoint.skipTlsVerify } };
    }
    const address: EngineAddress = input.platform === 'win32'
        ? { kind: 'npipe', path: DEFAULT_NPIPE }
        : { kind: 'unix', path: DEFAULT_UNIX_SOCKET };
    return { address, source: 'the default socket' };
}

/** DOCKER_TLS_VERIFY (verify the engine) and DOCKER_TLS (encrypt only) apply to tcp addresses, as with the Docker CLI. */
function withEnvTls(address: EngineAddress, source: string, input: EngineSelectionInput): EngineSelection {
    const isSet = (name: string): boolean => Boolean(input.env[name]) && input.env[name] !== '0';
    const verify = isSet('DOCKER_TLS_VERIFY');
    if (address.kind !== 'tcp' || (!verify && !isSet('DOCKER_TLS'))) {
        return { address, source };
    }
    return { address, source, tls: { certDir: input.env.DOCKER_CERT_PATH?.trim() || input.dockerConfigDir, verify } };
}
