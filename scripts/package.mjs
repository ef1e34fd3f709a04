// Builds the production bundles and packs them into out/vsix/parity-<version>.vsix; prints what it made.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'out', 'vsix', `parity-${version}.vsix`);
mkdirSync(dirname(out), { recursive: true });

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['scripts/build.mjs', '--production']);
// Dependencies are bundled into dist/, so the VSIX needs no node_modules.
// README's screenshots ship in the VSIX (docs/media) and stay relative, so the Extensions view shows them offline.
run(process.execPath, [
    'node_modules/@vscode/vsce/vsce',
    'package',
    '--no-dependencies',
    '--no-rewrite-relative-links',
    '--out',
    out,
]);

const kib = (file) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
console.log(
    `VSIX ${relative(root, out)}: ${kib(out)} (extension bundle dist/extension.js: ${kib(join(root, 'dist/extension.js'))})`,
);
