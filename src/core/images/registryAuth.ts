import { splitImageReference } from './imageReference';

/**
 * Credentials for one registry in the Engine API's X-Registry-Auth form. Handed to the engine with a pull
 * and never logged, printed or stored by Parity.
 */
export interface RegistryAuth {
    readonly username?: string;
    readonly password?: string;
    readonly identitytoken?: string;
    readonly serveraddress: string;
}

/** Docker Hub's key in config.json (`docker login` writes it so), and the host references without one mean. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The registry a reference pulls from: its host[:port], or docker.io when it names none. */
export function registryHostOf(ref: string): string {
    return splitImageReference(ref).registry ?? 'docker.io';
}

/**
 * The credentials the Docker CLI's config.json (`auths`, as `docker login` writes them) holds for a registry
 * host, or undefined. Keys are matched as the CLI matches them: with or without a scheme and a path
 * (`https://127.0.0.1:5001/v2/` is 127.0.0.1:5001). Credential helpers (`credsStore`, `credHelpers`) are
 * programs; Parity does not run them, so a registry known only to a helper gets no credentials here.
 */
export function registryAuthFromConfig(config: unknown, host: string): RegistryAuth | undefined {
    const auths = (config as { auths?: unknown } | null)?.auths;
    if (typeof auths !== 'object' || auths === null) {
        return undefined;
    }
    const wanted = DOCKER_HUB_HOSTS.has(host) ? 'docker.io' : host;
    for (const [key, value] of Object.entries(auths as Record<string, unknown>)) {
        if (hostOfKey(key) !== wanted || typeof value !== 'object' || value === null) {
            continue;
        }
        const entry = value as { auth?: unknown; username?: unknown; password?: unknown; identitytoken?: unknown };
        const serveraddress = wanted === 'docker.io' ? DOCKER_HUB_KEY : host;
        if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
            return { identitytoken: entry.identitytoken, serveraddress };
        }
        if (typeof entry.auth === 'string' && entry.auth !== '') {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0) {
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
            }
        }
        if (typeof entry.username === 'string' && typeof entry.password === 'string') {
            return { username: entry.username, password: entry.password, serveraddress };
        }
    }
    return undefined;
}

function hostOfKey(key: string): string {
    const host = key
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return DOCKER_HUB_HOSTS.has(host) ? 'docker.io' : host;
}
