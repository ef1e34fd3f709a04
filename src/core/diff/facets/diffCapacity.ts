import { formatBytes } from '../../formatBytes';
import type { LimitPair } from '../../snapshot/Snapshot';
import type { DiffContext, Draft } from '../DiffContext';
import { bothKnown } from '../bothKnown';

/**
 * Memory reported by two machines of the same size differs by kernel reservations; differences under this
 * share are not findings.
 */
const MEMORY_TOLERANCE = 0.05;

/** Limits (nofile, nproc) and resources (memory, CPUs): less on the `to` side is the risk. */
export function diffCapacity(context: DiffContext): Draft[] {
    const { from: a, to: b } = context;
    const drafts: Draft[] = [];
    for (const key of ['nofile', 'nproc'] as const) {
        const x = a.limits[key];
        const y = b.limits[key];
        if (!bothKnown(context, 'limits', key, x, y, `the ${key} limit could not be read`) || !x || !y) {
            continue;
        }
        // The soft limit is what a process meets first; null is unlimited.
        const [softA, softB] = [x.soft ?? Infinity, y.soft ?? Infinity];
        if (softA !== softB) {
            const lower = softB < softA;
            drafts.push({
                facet: 'limits',
                key,
                rule: lower ? 'limits.lower' : 'limits.higher',
                from: limitText(x),
                to: limitText(y),
                message: `The ${key} limit is ${lower ? 'lower' : 'higher'} on the to side: ${limitText(y)} against ${limitText(x)}${lower && key === 'nofile' ? '; servers with many connections or files run out' : ''}.`,
            });
        }
    }
    const memory = (snapshot: typeof a): number | null =>
        snapshot.resources.memoryLimitBytes ?? snapshot.resources.memoryBytes;
    const [memA, memB] = [memory(a), memory(b)];
    if (
        bothKnown(context, 'resources', 'memory', memA, memB, 'the memory could not be read') &&
        memA !== null &&
        memB !== null &&
        Math.abs(memA - memB) > MEMORY_TOLERANCE * Math.max(memA, memB)
    ) {
        drafts.push({
            facet: 'resources',
            key: 'memory',
            rule: memB < memA ? 'resources.lower' : 'resources.higher',
            from: formatBytes(memA),
            to: formatBytes(memB),
            message: `${formatBytes(memB)} of memory on the to side against ${formatBytes(memA)}${memB < memA ? '; what fits on one side may be killed for memory on the other' : ''}.`,
        });
    }
    const [cpuA, cpuB] = [a.resources.cpus, b.resources.cpus];
    if (
        bothKnown(context, 'resources', 'cpus', cpuA, cpuB, 'the CPU count could not be read') &&
        cpuA !== null &&
        cpuB !== null &&
        cpuA !== cpuB
    ) {
        drafts.push({
            facet: 'resources',
            key: 'cpus',
            rule: cpuB < cpuA ? 'resources.lower' : 'resources.higher',
            from: String(cpuA),
            to: String(cpuB),
            message: `${cpuB} CPUs on the to side against ${cpuA}: worker pools sized from the CPU count change.`,
        });
    }
    return drafts;
}

function limitText(pair: LimitPair): string {
    const text = (value: number | null): string => (value === null ? 'unlimited' : String(value));
    return `${text(pair.soft)} (hard ${text(pair.hard)})`;
}
