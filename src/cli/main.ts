import { runCli } from './runCli';

declare const PARITY_VERSION: string;

/** The `parity` executable: wires the process to runCli and nothing else. */
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: controller.signal,
    version: typeof PARITY_VERSION === 'string' ? PARITY_VERSION : 'dev',
}).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`parity: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    },
);
