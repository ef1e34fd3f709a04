import { isLive } from '../../../core/containers/containerRows';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW, containerTargets } from './containerTargets';
import { stopSandboxRow } from './stopSandboxRow';

/** Parity: Stop Container — SIGTERM, then SIGKILL after 10 s, as `docker stop` does; a sandbox is removed too. */
export async function stopContainer(deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const rows = containerTargets(node, selection).filter((row) => isLive(row.state));
    await Promise.all(
        rows.map((row) =>
            row.sandbox
                ? stopSandboxRow(deps, row)
                : engineAction(deps, { viewId: CONTAINERS_VIEW }, (client, signal) =>
                      client.stopContainer(row.id, { signal }),
                  ),
        ),
    );
}
