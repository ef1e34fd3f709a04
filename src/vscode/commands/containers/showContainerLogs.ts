import type { ExtensionDeps } from '../../ExtensionDeps';
import { containerTargets } from './containerTargets';

/** Parity: Show Container Logs — follows the log in a terminal of its own. */
export function showContainerLogs(deps: ExtensionDeps, node?: unknown, selection?: unknown): void {
    for (const row of containerTargets(node, selection)) {
        deps.containerLogs.show(row.id, row.name);
    }
}
