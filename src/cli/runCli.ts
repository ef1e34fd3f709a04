import { parseArgs } from 'node:util';
import { isEngineError } from '../engine/EngineError';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { buildCommand, packageCommand } from './buildCommand';
import { doctorCommand } from './doctorCommand';
import { ExitCode } from './ExitCode';
import { planCommand } from './planCommand';
import { recipeCommand } from './recipeCommand';
import { snapshotCommand } from './snapshotCommand';
import { stderrLogger } from './stderrLogger';

const USAGE = `Usage: parity <command> [options]

Commands:
  doctor                     Show which Docker engine Parity uses and what it offers
  snapshot [PATH]            Capture the environment of the project at PATH (default: .) on this machine
  snapshot --target image:REF | container:NAME
                             Capture the environment inside an image or a running container
  plan [PATH]                Decide what to build and why (base image pinned to what runs here, start
                             command, port); saved as .parity/plan.json
  recipe [PATH]              Plan, then write Dockerfile and .dockerignore (never over yours without --force)
  build [PATH]               Build the folder's Dockerfile as it is, with live progress
  package [PATH]             plan + recipe + build

Options:
  -H, --host ADDR   Engine address (unix:///path, tcp://host:port, ssh://user@host); default: DOCKER_HOST, the Docker context, the default socket
  --json            Print JSON on stdout (doctor)
  --format FMT      json (default) or text (snapshot)
  --out FILE        Write the result to FILE atomically instead of stdout
  --target T        image:REF or container:NAME (snapshot)
  --tag T           Image name for build/package (default: <folder>:parity)
  --force           Replace a Dockerfile/.dockerignore that Parity did not write (recipe, package)
  --timeout SEC     Limit for each engine request (default 10)
  -v, --verbose     Log every engine call on stderr
  -h, --help        Show this help
  --version         Show the version`;

const COMMANDS: Record<string, (context: CliContext) => Promise<ExitCode>> = {
    doctor: doctorCommand,
    snapshot: snapshotCommand,
    plan: planCommand,
    recipe: recipeCommand,
    build: buildCommand,
    package: packageCommand,
};

export interface CliIo {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly signal: AbortSignal;
    readonly version: string;
}

/** Parses argv, runs one command and maps every failure onto an exit code and one readable line. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                host: { type: 'string', short: 'H' },
                json: { type: 'boolean', default: false },
                format: { type: 'string' },
                out: { type: 'string' },
                target: { type: 'string' },
                tag: { type: 'string' },
                force: { type: 'boolean', default: false },
                timeout: { type: 'string' },
                verbose: { type: 'boolean', short: 'v', default: false },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', default: false },
            },
        });
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
    const command = COMMANDS[name];
    if (!command) {
        io.stderr(`parity: unknown command "${name}"\n\n${USAGE}\n`);
        return ExitCode.CouldNotRun;
    }
    const timeoutSeconds = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
        io.stderr(`parity: --timeout must be a positive number of seconds, not "${values.timeout}"\n`);
        return ExitCode.CouldNotRun;
    }
    const log = stderrLogger(values.verbose, io.stderr);
    try {
        return await command({
            args,
            options: {
                json: values.json,
                verbose: values.verbose,
                force: values.force,
                ...(values.tag === undefined ? {} : { tag: values.tag }),
                ...(values.host === undefined ? {} : { host: values.host }),
                ...(values.format === undefined ? {} : { format: values.format }),
                ...(values.out === undefined ? {} : { out: values.out }),
                ...(values.target === undefined ? {} : { target: values.target }),
            },
            env: io.env,
            log,
            timeoutMs: timeoutSeconds * 1000,
            signal: io.signal,
            stdout: (text) => io.stdout(`${text}\n`),
            stderr: (text) => io.stderr(`${text}\n`),
            version: io.version,
        });
    } catch (error) {
        if (error instanceof CliUsageError) {
            io.stderr(`parity: ${error.message}\n\n${USAGE}\n`);
            return ExitCode.CouldNotRun;
        }
        if (isEngineError(error)) {
            io.stderr(`parity: ${error.message}\n`);
            return ExitCode.CouldNotRun;
        }
        log.error(error instanceof Error ? error : String(error));
        return ExitCode.CouldNotRun;
    }
}
