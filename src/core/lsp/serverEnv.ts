/**
 * glibc malloc settings the language server runs with (in VS Code and in `npm run bench:lsp` alike; other
 * allocators ignore them). Measured on the server (`npm run bench:lsp`, /proc/PID/smaps): after start, ~7 MB
 * of its RSS is malloc memory V8 already freed — parsing the bundle peaks at ~6.5 MB of zone memory, and its
 * compiler threads each get their own arena — that glibc keeps (fragmented heap top, per-thread arenas, a
 * trim threshold that grows with each large free). One arena and a fixed 128 KiB mmap / trim threshold give it
 * back (~67 → ~58 MB), with the checks after an edit as fast. Tunables the user set come after ours, so theirs win.
 */
export const SERVER_GLIBC_TUNABLES =
    'glibc.malloc.arena_max=1:glibc.malloc.trim_threshold=131072:glibc.malloc.mmap_threshold=131072';

/** The variables to add to the server's environment, given the inherited `GLIBC_TUNABLES`. */
export function serverEnv(inheritedTunables: string | undefined): Record<string, string> {
    return {
        GLIBC_TUNABLES: inheritedTunables ? `${SERVER_GLIBC_TUNABLES}:${inheritedTunables}` : SERVER_GLIBC_TUNABLES,
    };
}
