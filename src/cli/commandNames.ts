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
