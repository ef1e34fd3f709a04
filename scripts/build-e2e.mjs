// Bundles the e2e TypeScript (test/e2e/**/*.ts) into out/e2e/** with the same layout, one bundle per file,
// so test/e2e/suite/*.test.ts become out/e2e/suite/*.test.js next to the mocha runner that globs them.
// `vscode` is always external (the extension host provides it). The runner out/e2e/suite/index.js carries
// mocha inside it: mocha 12 mixes ESM and CJS files and would otherwise need require(esm) from whatever
// Node the extension host has. Everything else loads its packages from node_modules at run time.
//
//   node scripts/build-e2e.mjs
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test', 'e2e');
const outDir = path.join(root, 'out', 'e2e');

function tsFiles(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return tsFiles(file);
        }
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
    });
}

const runner = path.join(srcDir, 'suite', 'index.ts');
const common = {
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    external: ['vscode'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
};
const entryPoints = tsFiles(srcDir);
const builds = [
    // mocha's parallel mode (unused here) resolves worker files by path; silence the warning about it.
    { ...common, entryPoints: [runner], logOverride: { 'require-resolve-not-external': 'silent' } },
    { ...common, entryPoints: entryPoints.filter((file) => file !== runner), packages: 'external' },
];

const started = Date.now();
await Promise.all(builds.map((options) => esbuild.build(options)));
const launcher = path.join(root, 'test', 'e2e', 'host', 'code-launcher');
if (existsSync(launcher)) {
    // A checkout may lose the executable bit; test-electron spawns this file directly.
    chmodSync(launcher, 0o755);
}
console.log(`[build-e2e] ${entryPoints.length} files -> ${path.relative(root, outDir)} in ${Date.now() - started} ms`);
