import type { ContainerRow } from '../../../core/containers/containerRows';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW } from './containerTargets';

/**
 * A sandbox is stopped and removed in one go, like `docker run --rm`: through its runner when this window
 * started it (the terminal then says "stopped"), else by the engine, where only a Parity sandbox is taken.
 */
export async function stopSandboxRow(deps: ExtensionDeps, row: ContainerRow): Promise<void> {
    if (await deps.sandboxes.stop(row.name)) {
        deps.engineViews.find((view) => view.id === CONTAINERS_VIEW)?.refresh();
        return;
    }
    await engineAction(deps, { viewId: CONTAINERS_VIEW }, async (client, signal) => {
        const { stopSandboxNamed } = await import('../../lazy/pipelineModule');
        await stopSandboxNamed(client, row.id, { signal });
    });
}
