import { EngineError } from '../../engine/EngineError';

/**
 * The probe's shell was killed from outside before it finished (the container stopped, restarted or ran
 * out of memory meanwhile): what it printed is only part of the snapshot, so there is no snapshot.
 */
export class ProbeKilledError extends EngineError {
    /** EngineError recognises its instances by a brand (one class per bundle); this one needs its own. */
    static override [Symbol.hasInstance](value: unknown): boolean {
        return value instanceof EngineError && (value as { probeKilled?: unknown }).probeKilled === true;
    }

    readonly probeKilled = true;

    constructor(container: string, exitCode: number, address: string) {
        super(
            'api',
            `The probe in container ${container} was killed (exit code ${exitCode}) before it finished: the container stopped, restarted or ran out of memory while Parity probed it, so its snapshot would be incomplete.`,
            address,
            409,
        );
        this.name = 'ProbeKilledError';
    }
}
