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

/**
 * An explicit engine: an address (`tcp://…`, `ssh://…`, `unix://…`) or the name of a Docker context, with
 * connection options that only an explicit choice can carry (the CLI's --tlscacert…, a target's settings).
 */
export interface EngineOverride {
    readonly value: string;
    readonly source: string;
    readonly tls?: EngineTlsFiles & { readonly verify?: boolean };
    readonly ssh?: Partial<EngineSsh>;
}

/** Explicit TLS files; each one wins over the file of the same role in the certificate folder. */
export interface EngineTlsFiles {
    readonly caFile?: string;
    readonly certFile?: string;
    readonly keyFile?: string;
}

export interface EngineTls extends EngineTlsFiles {
    /** Folder holding ca.pem / cert.pem / key.pem (DOCKER_CERT_PATH, a context's TLS folder). */
    readonly certDir?: string;
    readonly verify: boolean;
}

/** How an ssh:// engine is reached; the agent (SSH_AUTH_SOCK) is used when there is one, never required. */
export interface EngineSsh {
    /** Private key file; otherwise the agent's keys and ~/.ssh/id_ed25519, id_ecdsa, id_rsa. */
    readonly identityFile?: string;
    /** known_hosts file; otherwise ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. */
    readonly knownHostsFile?: string;
    /** Connect to a host whose key is not in known_hosts (never to one whose key changed). */
    readonly acceptUnknownHostKey: boolean;
}

/** Which engine to talk to, and why — the "why" is shown next to every connection error. */
export interface EngineSelection {
    readonly address: EngineAddress;
    readonly source: string;
    readonly tls?: EngineTls;
    readonly ssh?: EngineSsh;
    /** The Docker context it came from, when it came from one. */
    readonly context?: string;
}

/** Environment variables that set the ssh options (for the CLI and CI; VS Code passes them in settings). */
export const SSH_ENV = {
    identityFile: 'PARITY_SSH_IDENTITY_FILE',
    knownHostsFile: 'PARITY_SSH_KNOWN_HOSTS',
    acceptUnknownHostKey: 'PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY',
} as const;

/**
 * Chooses the engine with the Docker CLI's precedence, the override playing the role of `--host`:
 * override → DOCKER_HOST → DOCKER_CONTEXT → config.json currentContext → the platform default.
 * Throws EngineAddressError for an unparsable address, and Error for an unknown context.
 */
export function selectEngine(input: EngineSelectionInput): EngineSelection {
    return withOverrideOptions(chooseEngine(input), input);
}

function chooseEngine(input: EngineSelectionInput): EngineSelection {
    const override = input.override?.value.trim();
    const overrideSource = input.override?.source ?? 'an explicit address';
    if (override) {
        // A context name is never an address: addresses carry a scheme (a bare host:port has a colon).
        if (!override.includes('://') && !override.includes(':')) {
            return contextSelection(override, overrideSource, input, true);
        }
        return withEnvOptions(parseEngineAddress(override), overrideSource, input);
    }
    const dockerHost = input.env.DOCKER_HOST?.trim();
    if (dockerHost) {
        return withEnvOptions(parseEngineAddress(dockerHost), 'DOCKER_HOST', input);
    }
    const envContext = input.env.DOCKER_CONTEXT?.trim();
    const contextName = envContext || input.currentContext?.trim();
    if (contextName) {
        return contextSelection(contextName, envContext ? 'DOCKER_CONTEXT' : 'the Docker CLI config', input);
    }
    return defaultEngine(input);
}

function defaultEngine(input: EngineSelectionInput): EngineSelection {
    const address: EngineAddress =
        input.platform === 'win32'
            ? { kind: 'npipe', path: DEFAULT_NPIPE }
            : { kind: 'unix', path: DEFAULT_UNIX_SOCKET };
    return { address, source: 'the default socket' };
}

/** A Docker context by name; "default" is the platform's engine, as in the Docker CLI. */
function contextSelection(name: string, from: string, input: EngineSelectionInput, explicit = false): EngineSelection {
    if (name === 'default') {
        return defaultEngine(input);
    }
    const endpoint = input.contexts.get(name);
    if (!endpoint) {
        const known = [...input.contexts.keys()].sort().join(', ') || 'none';
        throw new Error(
            explicit
                ? `"${name}" (from ${from}) is neither an engine address (tcp://host:port, ssh://user@host[:port], unix:///path) nor a Docker context. Known contexts: ${known}.`
                : `Docker context "${name}" (from ${from}) does not exist. Known contexts: ${known}.`,
        );
    }
    const address = parseEngineAddress(endpoint.host);
    const source = `Docker context "${name}"`;
    const ssh = address.kind === 'ssh' ? { ssh: envSsh(input.env) } : {};
    if (address.kind !== 'tcp' || (!endpoint.tlsDir && !endpoint.skipTlsVerify)) {
        return { address, source, context: name, ...ssh };
    }
    return {
        address,
        source,
        context: name,
        tls: { ...(endpoint.tlsDir ? { certDir: endpoint.tlsDir } : {}), verify: !endpoint.skipTlsVerify },
    };
}

/** DOCKER_TLS_VERIFY (verify the engine) and DOCKER_TLS (encrypt only) apply to tcp addresses, as with the Docker CLI. */
function withEnvOptions(address: EngineAddress, source: string, input: EngineSelectionInput): EngineSelection {
    if (address.kind === 'ssh') {
        return { address, source, ssh: envSsh(input.env) };
    }
    const verify = isSet(input.env, 'DOCKER_TLS_VERIFY');
    if (address.kind !== 'tcp' || (!verify && !isSet(input.env, 'DOCKER_TLS'))) {
        return { address, source };
    }
    return { address, source, tls: { certDir: input.env.DOCKER_CERT_PATH?.trim() || input.dockerConfigDir, verify } };
}

/** Explicit TLS files turn TLS on (verifying unless told otherwise); explicit ssh options win over the environment's. */
function withOverrideOptions(selection: EngineSelection, input: EngineSelectionInput): EngineSelection {
    const tls = input.override?.tls;
    const ssh = input.override?.ssh;
    let result = selection;
    if (
        tls &&
        selection.address.kind === 'tcp' &&
        (tls.caFile || tls.certFile || tls.keyFile || tls.verify !== undefined)
    ) {
        const files = {
            ...(tls.caFile ? { caFile: tls.caFile } : {}),
            ...(tls.certFile ? { certFile: tls.certFile } : {}),
            ...(tls.keyFile ? { keyFile: tls.keyFile } : {}),
        };
        // Like the Docker CLI's flags, the files not named come from DOCKER_CERT_PATH, else the config folder.
        const certDir = result.tls ? result.tls.certDir : input.env.DOCKER_CERT_PATH?.trim() || input.dockerConfigDir;
        result = {
            ...result,
            tls: {
                ...result.tls,
                ...(certDir ? { certDir } : {}),
                ...files,
                verify: tls.verify ?? result.tls?.verify ?? true,
            },
        };
    }
    if (ssh && selection.address.kind === 'ssh') {
        const defined = Object.fromEntries(
            Object.entries(ssh).filter(([, value]) => value !== undefined),
        ) as Partial<EngineSsh>;
        result = { ...result, ssh: { ...envSsh(input.env), ...result.ssh, ...defined } };
    }
    return result;
}

function envSsh(env: Readonly<Record<string, string | undefined>>): EngineSsh {
    const identityFile = env[SSH_ENV.identityFile]?.trim();
    const knownHostsFile = env[SSH_ENV.knownHostsFile]?.trim();
    return {
        ...(identityFile ? { identityFile } : {}),
        ...(knownHostsFile ? { knownHostsFile } : {}),
        acceptUnknownHostKey: isSet(env, SSH_ENV.acceptUnknownHostKey),
    };
}

function isSet(env: Readonly<Record<string, string | undefined>>, name: string): boolean {
    return Boolean(env[name]) && env[name] !== '0';
}
