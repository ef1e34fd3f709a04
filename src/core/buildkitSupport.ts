/** Compares Docker API versions such as "1.41" numerically (1.9 < 1.10). */
export function compareApiVersions(a: string, b: string): number {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
        const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (diff !== 0) {
            return Math.sign(diff);
        }
    }
    return 0;
}

/**
 * BuildKit builds through the Engine API (`/build?version=2` with a `/session`) arrived in API 1.39
 * (Engine 18.09) and exist only on Linux engines; Windows engines build with the classic builder.
 */
export function supportsBuildKit(osType: string, apiVersion: string): boolean {
    return osType === 'linux' && compareApiVersions(apiVersion, '1.39') >= 0;
}
