import type { ContainerRow } from '../../../core/containers/containerRows';
import { itemValue } from '../../views/EngineTreeProvider';
import type { ContainerNode } from '../../views/containersView';
import { selectedNodes } from '../engineAction';

export const CONTAINERS_VIEW = 'parity.containers';

/** The containers among the nodes a command was invoked on; a port row stands for its container. */
export function containerTargets(node: unknown, selection: unknown): ContainerRow[] {
    const rows = selectedNodes(node, selection).flatMap((candidate) => {
        const value = itemValue<ContainerNode>(candidate);
        return value ? [value.row] : [];
    });
    return [...new Map(rows.map((row) => [row.id, row])).values()];
}
