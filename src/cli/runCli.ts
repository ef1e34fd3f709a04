import { parseArgs } from 'node:util';
import type { CliCommands } from './cliCommands';
import { COMMAND_NAMES, type CommandName } from './commandNames';
import { ExitCode } from './ExitCode';
import { USAGE } from './usage';

/** Every option of every command, as node:util's parseArgs reads them. */
const OPTIONS = {
    host: { type: 'string', short: 'H' },
    tls: { type: 'boolean' },
    tlsverify: { type: 'boolean' },
    tlscacert: { type: 'string' },
    tlscert: { type: 'string' },
    tlskey: { type: 'string' },
    'keep-pulled': { type: 'boolean' },
    json: { type: 'boolean', default: false },
    format: { type: 'string' },
    out: { type: 'string' },
    target: { type: 'string' },
    like: { type: 'string' },
    'allow-missing-env': { type: 'boolean', default: false },
    'pass-env': { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    via: { type: 'string' },
    'fail-on': { type: 'string' },
    'node-engine': { type: 'string', multiple: true },
    tag: { type: 'string' },
    force: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    port: { type: 'string' },
    memory: { type: 'string' },
    cpus: { type: 'string' },
    pids: { type: 'string' },
    network: { type: 'string' },
    smoke: { type: 'string' },
    detach: { type: 'boolean', short: 'd', default: false },
    all: { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', default: false },
} as const;

/** The options as parsed: raw text and flags, checked by runCliCommand and the command that reads them. */
export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface CliIo {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly signal: AbortSignal;
    readonly version: string;
    /**
     * The commands (src/cli/cliCommands.ts), loaded only when one runs: the executable requires their bundle,
     * dist/cli-commands.js (dist/cli-snapshot.js for a snapshot of this machine), through a code cache, so
     * `parity --help` compiles only this file.
     */
    readonly loadCommands: (name: CommandName, values: CliValues) => CliCommands | Promise<CliCommands>;
}

/** Parses argv; answers --help, --version and a mistyped command itself, and hands any other to its command. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
    let parsed;
    try {
        parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
    } catch (error) {
        io.stderr(`parity: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
        return ExitCode.CouldNotRun;
    }
    const { values, positionals } = parsed;
    if (values.version) {
        io.stdout(`${io.version}\n`);
        return ExitCode.Ok;
    }
    const [name, ...args] = positionals;
    if (values.help || name === undefined || name === 'help') {
        io.stdout(`${USAGE}\n`);
        return name === undefined && !values.help ? ExitCode.CouldNotRun : ExitCode.Ok;
    }
    if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
        io.stderr(`parity: unknown command "${name}"\n\n${USAGE}\n`);
        return ExitCode.CouldNotRun;
    }
    const commands = await io.loadCommands(name as CommandName, values);
    return commands.runNamedCommand(name as CommandName, args, values, io);
}
