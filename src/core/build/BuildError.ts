/** Why a build failed, apart from the engine itself failing (that is an EngineError). */
export type BuildErrorKind =
    /** An instruction failed: a RUN exited non-zero, a COPY source was missing, … */
    | 'step'
    /** The Dockerfile does not parse. */
    | 'dockerfile'
    /** A base image is neither on the engine nor pullable from where the engine can reach. */
    | 'base-image'
    /** A `required=true` secret mount found no secret of that id. */
    | 'secret'
    /** The build context could not be made (unreadable file, bad .dockerignore pattern). */
    | 'context'
    /** The request itself cannot work: an invalid tag, secrets for the classic builder (which has none). */
    | 'request'
    /** The engine's disk is full: nothing the Dockerfile can fix; space must be freed where the engine keeps its data. */
    | 'disk-full'
    /** The engine reported a failure that belongs to no step. */
    | 'build';

export interface BuildErrorDetails {
    /** The failing step as the builder named it. */
    readonly step?: string;
    /** 1-based line in the Dockerfile, when known. */
    readonly line?: number;
    /** The failing step's last output lines (about 20), oldest first. */
    readonly logTail: readonly string[];
    /** The base image for `base-image` errors, the secret id for `secret` errors. */
    readonly subject?: string;
    /** The engine's own words, unchanged. */
    readonly engineMessage?: string;
}

/**
 * A build that ran and failed. The message is one complete sentence a person can act on; the failing
 * step's output is in `logTail` for a front end to show under it.
 */
export class BuildError extends Error {
    readonly step?: string;
    readonly line?: number;
    readonly logTail: readonly string[];
    readonly subject?: string;
    readonly engineMessage?: string;

    constructor(
        readonly kind: BuildErrorKind,
        message: string,
        details: BuildErrorDetails = { logTail: [] },
        options?: { cause?: unknown },
    ) {
        super(message, options);
        this.name = 'BuildError';
        this.logTail = details.logTail;
        if (details.step !== undefined) {
            this.step = details.step;
        }
        if (details.line !== undefined) {
            this.line = details.line;
        }
        if (details.subject !== undefined) {
            this.subject = details.subject;
        }
        if (details.engineMessage !== undefined) {
            this.engineMessage = details.engineMessage;
        }
    }
}
