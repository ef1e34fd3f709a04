/** The per-user key file cannot be used; the message names the file and what to do, never its content. */
export class EnvHashKeyError extends Error {
    constructor(
        message: string,
        readonly path: string,
    ) {
        super(message);
        this.name = 'EnvHashKeyError';
    }
}
