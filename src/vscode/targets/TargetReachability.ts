import { access } from 'node:fs/promises';
import { isEngineTarget } from '../../core/diff/DiffTarget';
import type { SavedTarget } from '../../core/savedTargets/SavedTarget';
import type { TargetReach } from '../../core/savedTargets/targetRow';
import { engineRefText, type EngineRef } from '../../core/targetAddress';
import type { EngineClient } from '../../engine/EngineClient';
import { isEngineError } from '../../engine/EngineError';

export interface TargetReachabilityOptions {
    readonly client: (engine?: EngineRef) => Promise<EngineClient>;
    /** How long a ping may take before its target reads "not reachable". */
    readonly pingMs: number;
    /** A check finished: the rows of these targets changed. */
    readonly onChange: (targets: readonly SavedTarget[]) => void;
}

/**
 * Whether each saved target answers, as the Targets view shows it. `reachOf` never waits: it returns what is
 * known (or "checking…") and starts a check in the background — one ping per engine however many targets
 * live there, all engines in parallel, each bounded by `pingMs` — so a dead engine never holds up the rows or
 * the other targets. No vscode import: the benchmark drives the same class.
 */
export class TargetReachability {
    /** Per engine key (`''` the current engine, `file:PATH` a snapshot file): the check's result, or its promise. */
    private readonly known = new Map<string, TargetReach>();
    private readonly running = new Map<string, { promise: Promise<TargetReach>; waiting: SavedTarget[] }>();
    private readonly controller = new AbortController();

    constructor(private readonly options: TargetReachabilityOptions) {}

    /** What is known now; starts a check when nothing is known and none runs. */
    reachOf(saved: SavedTarget): TargetReach {
        const key = keyOf(saved);
        const known = this.known.get(key);
        if (known) {
            return known;
        }
        void this.check(saved);
        return { kind: 'checking' };
    }

    /** Checks again (Retry, Refresh) and resolves with the answer. */
    recheck(saved: SavedTarget): Promise<TargetReach> {
        this.known.delete(keyOf(saved));
        return this.check(saved);
    }

    /** Resolves once every check started so far has its answer (the benchmark waits for them). */
    async settled(): Promise<void> {
        await Promise.all([...this.running.values()].map((running) => running.promise));
    }

    /** Forgets everything, so the next rows check every engine afresh. */
    clear(): void {
        this.known.clear();
    }

    dispose(): void {
        this.controller.abort();
    }

    private check(saved: SavedTarget): Promise<TargetReach> {
        const key = keyOf(saved);
        const running = this.running.get(key);
        if (running) {
            running.waiting.push(saved);
            return running.promise;
        }
        const waiting = [saved];
        const promise = this.probe(saved).then((reach) => {
            this.running.delete(key);
            if (!this.controller.signal.aborted) {
                this.known.set(key, reach);
                this.options.onChange(waiting);
            }
            return reach;
        });
        this.running.set(key, { promise, waiting });
        return promise;
    }

    private async probe(saved: SavedTarget): Promise<TargetReach> {
        const { target } = saved;
        const started = performance.now();
        if (!isEngineTarget(target)) {
            if (target.kind !== 'file') {
                return { kind: 'reachable', detail: 'this machine', ms: 0 };
            }
            return access(target.path).then(
                () => ({ kind: 'reachable', detail: 'the file is there', ms: Math.round(performance.now() - started) }),
                () => ({ kind: 'unreachable', reason: 'the snapshot file is missing', message: target.path }),
            );
        }
        const deadline = AbortSignal.timeout(this.options.pingMs);
        const signal = AbortSignal.any([deadline, this.controller.signal]);
        try {
            const client = await this.options.client(target.engine);
            const status = await client.status(signal);
            return {
                kind: 'reachable',
                detail: `${status.address}, engine ${status.engineVersion} ${status.osType}/${status.arch}`,
                ms: Math.round(performance.now() - started),
            };
        } catch (error) {
            return reachOfError(error, deadline.aborted ? this.options.pingMs : undefined);
        }
    }
}

function keyOf(saved: SavedTarget): string {
    const { target } = saved;
    if (target.kind === 'file') {
        return `file:${target.path}`;
    }
    return isEngineTarget(target) && target.engine ? engineRefText(target.engine) : '';
}

/** A failed check in a few words for the row; the whole message goes to the hover. */
function reachOfError(error: unknown, timedOutAfterMs: number | undefined): TargetReach {
    const message = error instanceof Error ? error.message : String(error);
    if (timedOutAfterMs !== undefined) {
        return { kind: 'unreachable', reason: `no answer within ${Math.round(timedOutAfterMs / 100) / 10} s`, message };
    }
    if (!isEngineError(error)) {
        return { kind: 'unreachable', reason: message, message };
    }
    switch (error.kind) {
        case 'host-key':
            return error.hostKey?.verdict === 'unknown'
                ? { kind: 'host-key', reason: 'unknown ssh host key', message }
                : {
                      kind: 'unreachable',
                      reason: `the ssh host key has ${error.hostKey?.verdict === 'revoked' ? 'been revoked' : 'CHANGED'}`,
                      message,
                  };
        case 'unreachable':
            return { kind: 'unreachable', reason: 'nothing answers there', message };
        case 'timeout':
            return { kind: 'unreachable', reason: 'no answer in time', message };
        case 'tls':
            return { kind: 'unreachable', reason: 'TLS failed', message };
        case 'denied':
            return { kind: 'unreachable', reason: 'access denied', message };
        case 'config':
            return { kind: 'unreachable', reason: 'bad engine address or context', message };
        default:
            return { kind: 'unreachable', reason: message.length > 80 ? `${message.slice(0, 77)}…` : message, message };
    }
}
