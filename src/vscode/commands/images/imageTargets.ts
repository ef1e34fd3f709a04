import type { ImageRow } from '../../../core/images/imageRows';
import type { ImageTreeNode } from '../../../core/images/imageTree';
import { itemValue } from '../../views/EngineTreeProvider';
import { selectedNodes } from '../engineAction';

export const IMAGES_VIEW = 'parity.images';

/** The image rows among the nodes a command was invoked on (group and message nodes are skipped). */
export function imageTargets(node: unknown, selection: unknown): ImageRow[] {
    return selectedNodes(node, selection).flatMap((candidate) => {
        const value = itemValue<ImageTreeNode>(candidate);
        return value?.kind === 'image' ? [value.row] : [];
    });
}
