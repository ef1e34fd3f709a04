import type { SandboxExit } from './SandboxEvent';

export type SandboxErrorKind =
    /** The app ended before it answered. */
    | 'exited'
    /** The app kept running but did not answer within the readiness limit. */
    | 'not-ready'
    /** There is nothing to check: no port is known, or the network is off. */
    | 'no-port'
    /** A name given to stop is not a sandbox (or not there). */
    | 'not-found'
    /** The target to take limits from is not a snapshot, an image or a container. */
    | 'bad-target';

/** A sandbox that did not do what was asked, with a message a person can act on. */
export class SandboxError extends Error {
    constructor(
        readonly kind: SandboxErrorKind,
        message: string,
        readonly exit?: SandboxExit,
        readonly lastLines: readonly string[] = exit?.lastLines ?? [],
    ) {
        super(message);
        this.name = 'SandboxError';
    }
}
