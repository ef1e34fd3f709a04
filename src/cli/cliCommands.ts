import type { CommandName } from './commandNames';
import type { ExitCode } from './ExitCode';
import type { CliIo, CliValues } from './runCli';
import { type Command, runCliCommand } from './runCliCommand';

/**
 * Each command is initialised when it runs: `parity snapshot` never loads the build, the sandbox or dockerode.
 * Bundled as dist/cli-commands.js, which the executable (dist/cli.js) requires only for a command.
 */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
    doctor: async () => (await import('./doctorCommand')).doctorCommand,
    snapshot: async () => (await import('./snapshotCommand')).snapshotCommand,
    plan: async () => (await import('./planCommand')).planCommand,
    recipe: async () => (await import('./recipeCommand')).recipeCommand,
    build: async () => (await import('./buildCommand')).buildCommand,
    package: async () => (await import('./buildCommand')).packageCommand,
    run: async () => (await import('./runCommand')).runCommand,
    ps: async () => (await import('./psCommand')).psCommand,
    stop: async () => (await import('./stopCommand')).stopCommand,
    clean: async () => (await import('./cleanCommand')).cleanCommand,
    prune: async () => (await import('./pruneCommand')).pruneCommand,
    push: async () => (await import('./pushCommand')).pushCommand,
    diff: async () => (await import('./diffCommand')).diffCommand,
};

/** Runs one command by name: what dist/cli-commands.js and dist/cli-snapshot.js export to the executable. */
export type NamedCommandRunner = (
    name: CommandName,
    args: readonly string[],
    values: CliValues,
    io: CliIo,
) => Promise<ExitCode>;

export interface CliCommands {
    readonly runNamedCommand: NamedCommandRunner;
}

/** Runs the named command (runCliCommand: the shared options checked, failures mapped onto exit codes). */
export const runNamedCommand: NamedCommandRunner = (name, args, values, io) =>
    runCliCommand(COMMANDS[name], args, values, io);
