import { compareNames } from './compareNames';
import { imageRows, type ImageRow, type ImageSummary } from './imageRows';

/** A node of the Images view: a repository with its tags, the one group of untagged images, or one image row. */
export type ImageTreeNode =
    | {
          readonly kind: 'repository';
          readonly repository: string;
          readonly parity: boolean;
          readonly rows: readonly ImageRow[];
      }
    | { readonly kind: 'untagged'; readonly rows: readonly ImageRow[] }
    | { readonly kind: 'image'; readonly row: ImageRow };

/**
 * The top level of the Images view: repositories holding a Parity build first (newest build first), then
 * every other repository by name, then one group of untagged leftovers. Tags inside a repository are newest
 * first, so a fresh build sits on top of its repository too.
 */
export function imageTree(images: readonly ImageSummary[]): ImageTreeNode[] {
    const byRepository = new Map<string, ImageRow[]>();
    const untagged: ImageRow[] = [];
    // imageRows already orders rows newest first within each kind; grouping keeps that order.
    for (const row of imageRows(images)) {
        if (row.dangling) {
            untagged.push(row);
        } else {
            const rows = byRepository.get(row.repository) ?? [];
            rows.push(row);
            byRepository.set(row.repository, rows);
        }
    }
    const repositories = [...byRepository].map(([repository, rows]) => ({
        kind: 'repository' as const,
        repository,
        parity: rows.some((row) => row.parity),
        rows: rows.sort((a, b) => b.created - a.created || compareNames(a.tag, b.tag)),
    }));
    const newestParityBuild = (rows: readonly ImageRow[]): number =>
        Math.max(...rows.filter((row) => row.parity).map((row) => row.created));
    repositories.sort(
        (a, b) =>
            Number(b.parity) - Number(a.parity) ||
            (a.parity && b.parity ? newestParityBuild(b.rows) - newestParityBuild(a.rows) : 0) ||
            compareNames(a.repository, b.repository),
    );
    return [...repositories, ...(untagged.length > 0 ? [{ kind: 'untagged' as const, rows: untagged }] : [])];
}

/** The rows under a group node; an image row has none. */
export function imageChildren(node: ImageTreeNode): ImageTreeNode[] {
    return node.kind === 'image' ? [] : node.rows.map((row) => ({ kind: 'image', row }));
}

/** contextValue of a group node: `imageRepository`, `imageRepository;parity` or `untaggedImages`. */
export function imageGroupContextValue(node: Exclude<ImageTreeNode, { kind: 'image' }>): string {
    return node.kind === 'untagged' ? 'untaggedImages' : node.parity ? 'imageRepository;parity' : 'imageRepository';
}
