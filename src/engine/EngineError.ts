import type { HostKeyProblem } from './connection/HostKeyProblem';

/** Why a call to the engine failed, in terms a person can act on. */
export type EngineErrorKind =
    /** Nothing listens at the address, or the socket file is missing. */
    | 'unreachable'
    /** Permission denied on the socket. */
    | 'denied'
    /** Something answered but not within the time limit. */
    | 'timeout'
    /** The user (or a caller) cancelled. */
    | 'cancelled'
    /** The address or context is invalid, or a certificate / key file is missing. */
    | 'config'
    /** The TLS handshake failed: the engine's certificate, ours, or no TLS at that port. */
    | 'tls'
    /** An ssh host key that known_hosts does not vouch for; `hostKey` says which (a question for the user). */
    | 'host-key'
    /** The engine answered with an error status. */
    | 'api';

/** Marks an EngineError whichever bundle made it (see Symbol.hasInstance below). */
const BRAND = Symbol.for('parity.EngineError');

/**
 * The one error type engine code throws. Its message is complete and final: front ends show it as is,
 * next to a Show Log action, and never need the stack.
 */
export class EngineError extends Error {
    /**
     * The extension's engine client lives in extension.js while the lazily loaded pipeline.js has its own copy
     * of this class: `instanceof` goes by the brand, so an error from either bundle is recognised in both.
     */
    static override [Symbol.hasInstance](value: unknown): boolean {
        return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
    }

    readonly [BRAND] = true;

    constructor(
        readonly kind: EngineErrorKind,
        message: string,
        /** The engine address involved, canonical form; empty when the address itself was the problem. */
        readonly address: string,
        /** HTTP status for `api` errors. */
        readonly statusCode?: number,
        options?: { cause?: unknown; hostKey?: HostKeyProblem },
    ) {
        super(message, options);
        this.name = 'EngineError';
        if (options?.hostKey) {
            this.hostKey = options.hostKey;
        }
    }

    /** For kind `host-key`: the key that was refused, and the known_hosts line that would trust it. */
    readonly hostKey?: HostKeyProblem;
}

export function isEngineError(error: unknown): error is EngineError {
    return error instanceof EngineError;
}
