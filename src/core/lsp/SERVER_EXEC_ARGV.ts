/**
 * Node flags the language server runs with, in VS Code and in `npm run bench:lsp` alike (other editors may
 * pass them too; see the README). The server's heap is small (~10 MB live) but V8 lets the young generation
 * grow to 32 MB for throughput; favouring size keeps the server near 70 MB instead of ~90 MB (~60 MB with the
 * malloc settings of serverEnv), and the checks after an edit stay as fast (measured by the benchmark).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--optimize-for-size'];
