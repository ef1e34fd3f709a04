import type { Logger } from '../core/Logger';
import { type EngineRef, engineRefText } from '../core/targetAddress';
import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';

export interface TargetEnginesOptions {
    /** The engine Parity talks to anyway (parity.docker.host, DOCKER_HOST, the context…): a target without `@ENGINE`. */
    readonly current: () => Promise<EngineClient>;
    /** The request limit of the parity.docker.timeoutSeconds setting, read when a client is made. */
    readonly timeoutMs: () => number;
    readonly log: Logger;
    readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * One client per engine a target names with `@ENGINE` (an address or a Docker context), made on first use
 * and kept for the window: the Targets view pings them, Diff with Target captures through them. Resolved the
 * way the CLI resolves `@ENGINE` (src/cli/engineClientFor.ts). Forgotten when the engine settings change or
 * the extension ends; no vscode import, so the benchmark uses the same class.
 */
export class TargetEngines {
    private readonly clients = new Map<string, Promise<EngineClient>>();

    constructor(private readonly options: TargetEnginesOptions) {}

    client(engine?: EngineRef): Promise<EngineClient> {
        if (!engine) {
            return this.options.current();
        }
        const key = engineRefText(engine);
        let client = this.clients.get(key);
        if (!client) {
            client = this.create(key);
            this.clients.set(key, client);
            // A bad address or unknown context is not kept: the next call tries again (the context may exist by then).
            client.catch(() => this.clients.delete(key));
        }
        return client;
    }

    /** Forgets one engine's client, so the next call connects afresh (e.g. after its host key was trusted). */
    forget(engine?: EngineRef): void {
        if (engine) {
            this.clients.delete(engineRefText(engine));
        }
    }

    /** Forgets every client, e.g. after parity.docker.* changed or a host key was trusted. */
    reset(): void {
        this.clients.clear();
    }

    dispose(): void {
        this.reset();
    }

    private async create(key: string): Promise<EngineClient> {
        const env = this.options.env ?? process.env;
        const selection = await resolveEngine({ value: key, source: `@${key}` }, env);
        const client = new EngineClient(selection, { log: this.options.log, timeoutMs: this.options.timeoutMs(), env });
        this.options.log.info(`Target engine ${client.address} (from ${selection.source})`);
        return client;
    }
}
