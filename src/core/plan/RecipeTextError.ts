/**
 * A string from the project (a folder name, a path, a command, a value) that Parity refuses to write into a
 * Dockerfile: a line break would start an instruction the project chose, and a glob character would make
 * COPY take other files than the one meant.
 */
export class RecipeTextError extends Error {
    constructor(
        readonly what: string,
        readonly text: string,
        reason: string,
    ) {
        super(
            `Parity cannot write ${what} ${JSON.stringify(text)} into the Dockerfile: ${reason}. Rename it, or write that part of the Dockerfile yourself.`,
        );
        this.name = 'RecipeTextError';
    }
}
