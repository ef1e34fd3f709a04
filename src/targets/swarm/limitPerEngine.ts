/**
 * Runs tasks with at most `limit` at a time per key, the rest queued in order. For probes: the tasks of one
 * engine share that machine's CPUs, so ten probes at once only make each one slow enough to hit its time limit,
 * while probes through different engines (other nodes) still run side by side.
 */
export function limitPerEngine<K>(limit: number): <T>(key: K, task: () => Promise<T>) => Promise<T> {
    const running = new Map<K, number>();
    const waiting = new Map<K, (() => void)[]>();
    return async <T>(key: K, task: () => Promise<T>): Promise<T> => {
        if ((running.get(key) ?? 0) >= limit) {
            await new Promise<void>((resolve) => {
                waiting.set(key, [...(waiting.get(key) ?? []), resolve]);
            });
        }
        running.set(key, (running.get(key) ?? 0) + 1);
        try {
            return await task();
        } finally {
            running.set(key, (running.get(key) ?? 1) - 1);
            const [next, ...rest] = waiting.get(key) ?? [];
            waiting.set(key, rest);
            next?.();
        }
    };
}
