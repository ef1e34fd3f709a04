import type { FindingTreeNode } from './FindingsTreeProvider';

/** The fix row a Findings view command was invoked on; undefined for anything else (arguments arrive untyped). */
export function fixNodeOf(node: unknown): Extract<FindingTreeNode, { kind: 'fix' }> | undefined {
    return typeof node === 'object' && node !== null && (node as FindingTreeNode).kind === 'fix'
        ? (node as Extract<FindingTreeNode, { kind: 'fix' }>)
        : undefined;
}
