import type { Logger } from '../../core/Logger';
import type { EnvHashKey } from '../../core/snapshot/EnvHashKey';

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
    /**
     * The key env values are hashed with: one fresh key shared by the captures of one comparison. Without
     * it, the user's own key (userEnvHashKey), so snapshots saved on this machine stay comparable.
     */
    readonly envKey?: EnvHashKey;
}

/** How the probe is run: the script as the argument of `/bin/sh -c`. */
export const PROBE_SHELL = '/bin/sh';
