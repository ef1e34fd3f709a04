import type { NamedCommandRunner } from './cliCommands';
import { commandBundle } from './commandNames';
import { runCliCommand } from './runCliCommand';
import { snapshotHostCommand } from './snapshotHostCommand';

/**
 * dist/cli-snapshot.js: `parity snapshot` of this machine, the command CI runs on every job, in a bundle of its
 * own — a quarter of dist/cli-commands.js, so a fresh process reads and compiles less. The executable sends every
 * other command, `snapshot --target` included, to dist/cli-commands.js.
 */
export const runNamedCommand: NamedCommandRunner = (name, args, values, io) => {
    if (commandBundle(name, values.target) !== 'cli-snapshot.js') {
        throw new Error(`dist/cli-snapshot.js runs parity snapshot of this machine, not parity ${name}`);
    }
    return runCliCommand(() => Promise.resolve(snapshotHostCommand), args, values, io);
};
