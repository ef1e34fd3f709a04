import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW, containerTargets } from './containerTargets';

/** Parity: Restart Container — stops it if it runs (10 s grace) and starts it again. */
export async function restartContainer(deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const rows = containerTargets(node, selection);
    await Promise.all(
        rows.map((row) =>
            engineAction(deps, { viewId: CONTAINERS_VIEW }, (client, signal) =>
                client.restartContainer(row.id, { signal }),
            ),
        ),
    );
}
