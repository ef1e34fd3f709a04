import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DockerContextEndpoint } from '../core/selectEngine';

export interface DockerContexts {
    readonly configDir: string;
    readonly currentContext?: string;
    readonly contexts: ReadonlyMap<string, DockerContextEndpoint>;
}

interface ContextMeta {
    Name?: string;
    Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** The Docker CLI's config folder: `$DOCKER_CONFIG` or `~/.docker`. */
export function dockerConfigDir(env: Readonly<Record<string, string | undefined>>): string {
    return env.DOCKER_CONFIG?.trim() || join(homedir(), '.docker');
}

/**
 * Reads the Docker CLI's contexts the way the CLI stores them: `config.json#currentContext` and
 * `contexts/meta/<sha256(name)>/meta.json`, TLS files under `contexts/tls/<sha256(name)>/docker`.
 * Missing or unreadable files mean "no contexts" — the default engine is then used.
 */
export async function readDockerContexts(env: Readonly<Record<string, string | undefined>>): Promise<DockerContexts> {
    const configDir = dockerConfigDir(env);
    const currentContext = await readCurrentContext(join(configDir, 'config.json'));
    const contexts = new Map<string, DockerContextEndpoint>();
    const metaRoot = join(configDir, 'contexts', 'meta');
    const ids = await readdir(metaRoot).catch(() => [] as string[]);
    for (const id of ids) {
        const meta = await readJson<ContextMeta>(join(metaRoot, id, 'meta.json'));
        const host = meta?.Endpoints?.docker?.Host;
        if (!meta?.Name || !host) {
            continue;
        }
        const tlsDir = join(
            configDir,
            'contexts',
            'tls',
            createHash('sha256').update(meta.Name).digest('hex'),
            'docker',
        );
        contexts.set(meta.Name, {
            host,
            skipTlsVerify: meta.Endpoints?.docker?.SkipTLSVerify === true,
            ...(existsSync(tlsDir) ? { tlsDir } : {}),
        });
    }
    return { configDir, ...(currentContext ? { currentContext } : {}), contexts };
}

async function readCurrentContext(configFile: string): Promise<string | undefined> {
    const config = await readJson<{ currentContext?: unknown }>(configFile);
    return typeof config?.currentContext === 'string' ? config.currentContext : undefined;
}

async function readJson<T>(file: string): Promise<T | undefined> {
    try {
        return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch {
        return undefined;
    }
}
