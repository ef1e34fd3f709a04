import type { Logger } from '../../core/Logger';

export interface ProbeOptions {
    readonly log: Logger;
    /** Parity's version, recorded in the snapshot's meta. */
    readonly toolVersion: string;
    readonly signal?: AbortSignal;
    /**
     * Limit for running the probe itself (container start included); by default the engine client's request
     * limit (the parity.docker.timeoutSeconds setting) — the probe takes well under a second.
     */
    readonly timeoutMs?: number;
}

/** How the probe is run: the script as the argument of `/bin/sh -c`. */
export const PROBE_SHELL = '/bin/sh';
