/** One thing wrong in a config file: where (`severity["env.missing"]`, `ignore[2]`) and what. */
export interface DiffConfigProblem {
    readonly path: string;
    readonly message: string;
}

/** A .parity/config.json Parity cannot use; the message names the file and each problem by its JSON path. */
export class DiffConfigError extends Error {
    constructor(
        readonly file: string,
        readonly problems: readonly DiffConfigProblem[],
    ) {
        super(
            `${file} is not a valid Parity config: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}.`,
        );
        this.name = 'DiffConfigError';
    }
}
