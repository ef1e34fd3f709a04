import { readFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { limitValue, parseProcLimits } from '../../core/snapshot/parseProcLimits';
import type { LimitsFacts, ResourcesFacts } from '../../core/snapshot/Snapshot';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/** Open-file and process limits: /proc on Linux, the shell's ulimit on macOS, none on Windows. */
export async function hostLimits(options: RunToolOptions): Promise<LimitsFacts> {
    if (process.platform === 'linux') {
        const text = await readFile('/proc/self/limits', 'utf8').catch(() => '');
        return parseProcLimits(text);
    }
    if (process.platform === 'darwin') {
        const output = await runTool(
            '/bin/sh',
            ['-c', 'ulimit -Sn; ulimit -Hn; ulimit -Su; ulimit -Hu'],
            outsideProject(options),
        );
        const [softFiles, hardFiles, softProcs, hardProcs] = (output?.stdout ?? '').trim().split('\n');
        return {
            nofile: output ? { soft: limitValue(softFiles), hard: limitValue(hardFiles) } : null,
            nproc: output ? { soft: limitValue(softProcs), hard: limitValue(hardProcs) } : null,
        };
    }
    return { nofile: null, nproc: null };
}

/** CPUs and memory, and a cgroup memory limit when one is lower than the machine's memory. */
export async function hostResources(): Promise<ResourcesFacts> {
    const memoryBytes = totalmem();
    let memoryLimitBytes: number | null = null;
    if (process.platform === 'linux') {
        const v2 = await readFile('/sys/fs/cgroup/memory.max', 'utf8').catch(() => null);
        const v1 =
            v2 === null
                ? await readFile('/sys/fs/cgroup/memory/memory.limit_in_bytes', 'utf8').catch(() => null)
                : null;
        const limit = Number((v2 ?? v1 ?? '').trim());
        memoryLimitBytes = Number.isFinite(limit) && limit > 0 && limit < memoryBytes ? limit : null;
    }
    return { cpus: availableParallelism(), memoryBytes, memoryLimitBytes };
}
