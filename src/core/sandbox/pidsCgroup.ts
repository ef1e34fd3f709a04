/**
 * Where the kernel counts a container's refused forks. `procCgroup` is /proc/<pid>/cgroup of the
 * container's main process: cgroup v1 has a `N:pids:/path` line (the file is under the pids hierarchy),
 * v2 one `0::/path` line. The path must name the container, which guards against reading a process of
 * another PID namespace (an engine in a VM or another container). Null when it cannot be told.
 */
export function pidsEventsPath(procCgroup: string, containerId: string, root = '/sys/fs/cgroup'): string | null {
    const lines = procCgroup
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const v1 = lines
        .map((line) => /^\d+:([^:]*):(.*)$/.exec(line))
        .find((match) => match?.[1]?.split(',').includes('pids'));
    const v2 = lines.map((line) => /^0::(.*)$/.exec(line)).find((match) => match !== null);
    const [hierarchy, path] =
        v1?.[2] !== undefined
            ? [`${root}/pids`, v1[2]]
            : v2?.[1] !== undefined
              ? [root, v2[1]]
              : [undefined, undefined];
    if (hierarchy === undefined || path === undefined || !path.includes(containerId)) {
        return null;
    }
    return `${hierarchy}${path.replace(/\/+$/, '')}/pids.events`;
}

/** The `max` counter of a pids.events file: how many forks the limit refused so far; null when absent. */
export function refusedForks(pidsEvents: string): number | null {
    const match = /^max\s+(\d+)\s*$/m.exec(pidsEvents);
    return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * Whether an app's last lines say a fork was refused — what shells and runtimes print when the process limit
 * is reached (busybox/dash "can't fork", bash "fork: retry", glibc "Resource temporarily unavailable",
 * Node "spawn … EAGAIN"). Evidence for the limit when nothing sampled the count in time.
 */
export function saysForkRefused(lines: readonly string[]): boolean {
    return lines.some((line) =>
        /can't fork|fork: (retry|Resource temporarily unavailable)|spawn\S* .*EAGAIN|fork.*Resource temporarily unavailable/i.test(
            line,
        ),
    );
}
