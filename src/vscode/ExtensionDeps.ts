import type { Log } from './createLog';
import type { EngineConnection } from './EngineConnection';
import type { BuildDiagnostics } from './BuildDiagnostics';
import type { FindingDiagnostics } from './FindingDiagnostics';
import type { ProposedContent } from './ProposedContent';
import type { FindingsTreeProvider } from './views/FindingsTreeProvider';

/** What commands receive: passed in at activation, never looked up from a global. */
export interface ExtensionDeps {
    readonly log: Log;
    readonly engine: EngineConnection;
    readonly engineViews: readonly RefreshableView[];
    readonly diagnostics: FindingDiagnostics;
    readonly findings: FindingsTreeProvider;
    readonly buildDiagnostics: BuildDiagnostics;
    readonly proposed: ProposedContent;
    /** The extension's version, recorded in what it writes. */
    readonly version: string;
}

/** A view that can be told to reload. */
export interface RefreshableView {
    readonly id: string;
    refresh(): void;
}
