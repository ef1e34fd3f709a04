import type { LimitPair, LimitsFacts } from './Snapshot';
import { MAX_EXACT } from './snapshotBounds';

/** Reads `Max open files` and `Max processes` from Linux's /proc/<pid>/limits. */
export function parseProcLimits(text: string): LimitsFacts {
    const pick = (label: string): LimitPair | null => {
        const line = text.split('\n').find((row) => row.startsWith(label));
        if (!line) {
            return null;
        }
        const [soft, hard] = line.slice(label.length).trim().split(/\s+/);
        return { soft: limitValue(soft), hard: limitValue(hard) };
    };
    return { nofile: pick('Max open files'), nproc: pick('Max processes') };
}

/** "unlimited" → null, a count → the count. A count past 2^53 is as good as unlimited; anything else is not a limit. */
export function limitValue(text: string | undefined): number | null {
    if (text === undefined || !/^\d+$/.test(text)) {
        return null;
    }
    const value = Number(text);
    return value <= MAX_EXACT ? value : null;
}
