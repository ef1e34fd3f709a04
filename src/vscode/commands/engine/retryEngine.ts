import type { ExtensionDeps } from '../../ExtensionDeps';

/** The Retry action on "Docker is not reachable" nodes: re-resolve the engine, re-check it, reload the views. */
export async function retryEngine(deps: ExtensionDeps): Promise<void> {
    deps.engine.reset();
    try {
        await deps.engine.checkStatus();
    } catch {
        // The views show the failure themselves when they reload.
    }
    for (const view of deps.engineViews) {
        view.refresh();
    }
}
