import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RegistryAuth, registryAuthFromConfig } from '../core/images/registryAuth';
import { dockerConfigDir } from './readDockerContexts';

/**
 * The credentials `docker login` saved for a registry host in the Docker CLI's config.json (`$DOCKER_CONFIG`
 * or ~/.docker), or undefined — a missing or unreadable file means none: the pull then goes anonymously and
 * a registry that wants a login says so.
 */
export async function readRegistryAuth(
    host: string,
    env: Readonly<Record<string, string | undefined>>,
): Promise<RegistryAuth | undefined> {
    let config: unknown;
    try {
        config = JSON.parse(await readFile(join(dockerConfigDir(env), 'config.json'), 'utf8'));
    } catch {
        return undefined;
    }
    return registryAuthFromConfig(config, host);
}
