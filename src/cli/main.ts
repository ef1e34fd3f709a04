import { join } from 'node:path';
import type { CliCommands } from './cliCommands';
import { commandBundle } from './commandNames';
import { requireWithCodeCache } from './requireWithCodeCache';
import { runCli } from './runCli';

declare const PARITY_VERSION: string;

/**
 * The `parity` executable (dist/cli.js): wires the process to runCli. The commands are the sibling bundles
 * dist/cli-commands.js and, for a snapshot of this machine, dist/cli-snapshot.js (src/cli/cliSnapshot.ts),
 * required through a code cache when one runs.
 */
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: controller.signal,
    version: typeof PARITY_VERSION === 'string' ? PARITY_VERSION : 'dev',
    loadCommands: (name, values) =>
        requireWithCodeCache(join(__dirname, commandBundle(name, values.target)), name) as CliCommands,
}).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`parity: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    },
);
