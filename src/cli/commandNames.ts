/** The CLI's commands, known to the executable before their code loads (src/cli/cliCommands.ts maps each). */
export const COMMAND_NAMES = [
    'doctor',
    'snapshot',
    'plan',
    'recipe',
    'build',
    'package',
    'run',
    'ps',
    'stop',
    'clean',
    'prune',
    'push',
    'diff',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The bundle that runs a command: `parity snapshot` of this machine, the hot path, has dist/cli-snapshot.js to
 * itself (src/cli/cliSnapshot.ts); every other command, `snapshot --target` included, is in dist/cli-commands.js.
 */
export function commandBundle(name: CommandName, target: string | undefined): 'cli-snapshot.js' | 'cli-commands.js' {
    return name === 'snapshot' && target === undefined ? 'cli-snapshot.js' : 'cli-commands.js';
}
