import type { Log } from './createLog';
import type { EngineConnection } from './EngineConnection';

/** What commands receive: passed in at activation, never looked up from a global. */
export interface ExtensionDeps {
    readonly log: Log;
    readonly engine: EngineConnection;
    readonly engineViews: readonly RefreshableView[];
}

/** A view that can be told to reload. */
export interface RefreshableView {
    readonly id: string;
    refresh(): void;
}
