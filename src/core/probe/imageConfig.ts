import type { EnvHashKey } from '../snapshot/EnvHashKey';
import { hashEnvValue } from '../snapshot/hashEnvValue';
import { isSecretName } from '../snapshot/isSecretName';
import type { AppFacts, EnvVarFact, Fact } from '../snapshot/Snapshot';

/** The parts of an image's (or a container's) config Parity reads, as the engine's inspect gives them. */
export interface ImageConfigInput {
    readonly User?: string | null;
    readonly Env?: readonly string[] | null;
    readonly Cmd?: readonly string[] | null;
    readonly Entrypoint?: readonly string[] | string | null;
    readonly WorkingDir?: string | null;
    readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
}

/** The PATH the engine gives a container whose image sets none (Linux). */
export const DEFAULT_CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `NAME=value` entries as the engine keeps them → name → value (a later entry wins, as in the engine). */
export function envEntries(env: readonly string[] | null | undefined): Map<string, string> {
    const result = new Map<string, string>();
    for (const entry of env ?? []) {
        const equals = entry.indexOf('=');
        if (equals > 0) {
            result.set(entry.slice(0, equals), entry.slice(equals + 1));
        }
    }
    return result;
}

/** Hashes only: the values in `env` are read here and dropped. */
export function envFacts(
    env: ReadonlyMap<string, string>,
    source: 'image' | 'container',
    key: EnvHashKey,
): Record<string, EnvVarFact> {
    const result: Record<string, EnvVarFact> = {};
    for (const name of [...env.keys()].sort()) {
        result[name] = { sha256: hashEnvValue(key, name, env.get(name) ?? ''), secret: isSecretName(name), source };
    }
    return result;
}

/**
 * What the config says about the app: the command it starts (entrypoint then command, exec form) and its
 * exposed TCP ports. Null when it says neither.
 */
export function appFromConfig(config: ImageConfigInput, how: string, command?: readonly string[]): AppFacts | null {
    const entrypoint =
        typeof config.Entrypoint === 'string' ? ['/bin/sh', '-c', config.Entrypoint] : (config.Entrypoint ?? []);
    const start = command ?? [...entrypoint, ...(config.Cmd ?? [])];
    const ports: Fact<number>[] = [];
    for (const key of Object.keys(config.ExposedPorts ?? {})) {
        const match = /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(key);
        if (match?.[1] && (match[2] ?? 'tcp') === 'tcp') {
            ports.push({ value: Number(match[1]), how: `${how} ExposedPorts` });
        }
    }
    if (start.length === 0 && ports.length === 0) {
        return null;
    }
    ports.sort((a, b) => a.value - b.value);
    return {
        root: '.',
        ecosystem: null,
        framework: null,
        startCommand: start.length > 0 ? { value: start, how: command ? how : `${how} Entrypoint + Cmd` } : null,
        ports,
        entry: null,
        workspacePackages: [],
    };
}
