import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pidsEventsPath, refusedForks } from '../../core/sandbox/pidsCgroup';
import type { PidsEvidence } from '../../core/sandbox/SandboxEvent';
import type { SandboxDeps } from './SandboxDeps';

export interface PidsHit {
    readonly current: number;
    readonly max: number;
    readonly evidence: PidsEvidence;
}

/** One look at the process count; null once the container is gone. */
type PidsReader = () => Promise<PidsHit | 'below' | null>;

/**
 * Watches a running container for its process limit until `signal` aborts or the limit is hit (then
 * `onHit` is called once). Where the engine is on this machine the kernel's own counter of refused forks
 * (the pids cgroup's `pids.events`, found through /proc/<pid>/cgroup) is read: it catches even a burst
 * between two looks. Elsewhere the engine's one-shot stats are sampled, and a count at the limit counts.
 */
export async function watchPidsLimit(
    deps: SandboxDeps,
    id: string,
    pid: number,
    limit: number,
    pollMs: number,
    signal: AbortSignal,
    onHit: (hit: PidsHit) => void,
): Promise<PidsEvidence> {
    const cgroup = deps.local ? await cgroupReader(id, pid, limit) : null;
    const read = cgroup ?? statsReader(deps, id, limit, signal);
    const evidence: PidsEvidence = cgroup ? 'cgroup pids.events' : 'engine stats';
    deps.log.debug(`sandbox ${id.slice(0, 12)}: watching the process limit of ${limit} through ${evidence}`);
    while (!signal.aborted) {
        const reading = await read().catch((error: unknown) => {
            // A missed look is not a verdict: the next one may answer (the engine is slow under a fork bomb).
            deps.log.debug(
                `sandbox ${id.slice(0, 12)}: no process count this time: ${error instanceof Error ? error.message : String(error)}`,
            );
            return 'below' as const;
        });
        if (reading === null) {
            break;
        }
        if (reading !== 'below') {
            onHit(reading);
            break;
        }
        await delay(pollMs, undefined, { signal }).catch(() => undefined);
    }
    return evidence;
}

async function cgroupReader(id: string, pid: number, limit: number): Promise<PidsReader | null> {
    if (process.platform !== 'linux' || pid <= 0) {
        return null;
    }
    const path = pidsEventsPath(await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => ''), id);
    if (path === null || refusedForks(await readFile(path, 'utf8').catch(() => '')) === null) {
        return null;
    }
    const currentPath = `${dirname(path)}/pids.current`;
    return async () => {
        const events = await readFile(path, 'utf8').catch(() => null);
        if (events === null) {
            return null;
        }
        if ((refusedForks(events) ?? 0) === 0) {
            return 'below';
        }
        const current = Number((await readFile(currentPath, 'utf8').catch(() => '')).trim());
        return {
            current: Number.isFinite(current) && current > 0 ? current : limit,
            max: limit,
            evidence: 'cgroup pids.events',
        };
    };
}

function statsReader(deps: SandboxDeps, id: string, limit: number, signal: AbortSignal): PidsReader {
    return async () => {
        const stats = (await deps.call(
            `reading the stats of container ${id.slice(0, 12)}`,
            (docker, s) => docker.getContainer(id).stats({ stream: false, 'one-shot': true, abortSignal: s }),
            signal,
        )) as { pids_stats?: { current?: number; limit?: number } };
        const current = stats.pids_stats?.current ?? 0;
        const max = stats.pids_stats?.limit ?? limit;
        deps.log.trace(`sandbox ${id.slice(0, 12)}: ${current} of ${max} processes (engine stats)`);
        return current > 0 && current >= max ? { current, max, evidence: 'engine stats' } : 'below';
    };
}
