import * as vscode from 'vscode';
import type { EngineStatus } from '../core/EngineStatus';
import type { Logger } from '../core/Logger';
import { EngineClient } from '../engine/EngineClient';
import { type EngineError, isEngineError } from '../engine/EngineError';
import { resolveEngine } from '../engine/resolveEngine';
import { readConfig } from './config';

export type EngineState =
    | { readonly kind: 'unknown' }
    | { readonly kind: 'connected'; readonly status: EngineStatus }
    | { readonly kind: 'unreachable'; readonly error: EngineError };

/**
 * Owns the engine client for the current settings and what we last learned about the engine.
 * Nothing here touches Docker until a command or a visible view asks for the client.
 */
export class EngineConnection implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<EngineState>();
    readonly onDidChangeState = this.changed.event;
    private clientPromise: Promise<EngineClient> | undefined;
    private current: EngineState = { kind: 'unknown' };

    constructor(private readonly log: Logger) {}

    get state(): EngineState {
        return this.current;
    }

    /** The client for the current settings; resolving reads Docker's config files, not the engine. */
    client(): Promise<EngineClient> {
        this.clientPromise ??= this.createClient();
        return this.clientPromise;
    }

    /** Pings the engine and reads its version and info; updates the state either way. */
    async checkStatus(signal?: AbortSignal): Promise<EngineStatus> {
        try {
            const status = await (await this.client()).status(signal);
            this.setState({ kind: 'connected', status });
            return status;
        } catch (error) {
            this.reportFailure(error);
            throw error;
        }
    }

    /** Records an engine failure seen by any caller, so the status bar and views agree. */
    reportFailure(error: unknown): void {
        if (isEngineError(error) && error.kind !== 'cancelled' && error.kind !== 'api') {
            this.setState({ kind: 'unreachable', error });
        }
    }

    /** Forgets the client and the state, e.g. after the engine settings changed. */
    reset(): void {
        this.clientPromise = undefined;
        this.setState({ kind: 'unknown' });
    }

    dispose(): void {
        this.changed.dispose();
    }

    private async createClient(): Promise<EngineClient> {
        const config = readConfig();
        const override = config.docker.host
            ? { value: config.docker.host, source: 'the parity.docker.host setting' }
            : undefined;
        try {
            const selection = await resolveEngine(override);
            const client = new EngineClient(selection, { log: this.log, timeoutMs: config.docker.timeoutMs });
            this.log.info(`Engine ${client.address} (from ${selection.source})`);
            return client;
        } catch (error) {
            // A bad address is not cached: the next call re-reads the settings.
            this.clientPromise = undefined;
            throw error;
        }
    }

    private setState(state: EngineState): void {
        this.current = state;
        this.changed.fire(state);
    }
}
