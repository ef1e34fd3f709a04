// What the view suites in the real VS Code share: finding a container's row the way VS Code asks for it.
import * as assert from 'node:assert/strict';
import type { ContainerNode } from '../../../src/vscode/views/containersView';
import type { EngineNode, EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';

/** What the Containers view hands a context-menu command: the tree node of the container's row. */
export async function containerNode(
    provider: EngineTreeProvider<ContainerNode>,
    name: string,
): Promise<EngineNode<ContainerNode>> {
    const node = (await provider.getChildren()).find(
        (candidate) => candidate.kind === 'item' && candidate.value.row.name === name,
    );
    assert.ok(node, `${name} is not in the Containers view`);
    return node;
}
