/** One thing wrong in a snapshot: where (`limits.nofile.soft`, `packageManagers[0].name`) and what. */
export interface SnapshotProblem {
    readonly path: string;
    readonly message: string;
}

/** How many problems the message lists; the rest are counted. */
const SHOWN = 5;

/** A snapshot that does not match the schema; the message names the first few problems by their JSON path. */
export class SnapshotValidationError extends Error {
    constructor(
        readonly subject: string,
        readonly problems: readonly SnapshotProblem[],
        summary = `${subject} is not a valid Parity snapshot`,
    ) {
        const listed = problems
            .slice(0, SHOWN)
            .map((problem) => `${problem.path}: ${problem.message}`)
            .join('; ');
        const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : '';
        super(`${summary}: ${listed}${more}.`);
        this.name = 'SnapshotValidationError';
    }
}
