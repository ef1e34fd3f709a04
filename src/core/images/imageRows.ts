import { compareNames } from './compareNames';
import { splitImageReference, repositoryOf } from './imageReference';

/** The fields of an engine's image list entry the views use. */
export interface ImageSummary {
    readonly Id: string;
    readonly RepoTags?: readonly string[] | null | undefined;
    readonly Size: number;
    readonly Created: number;
    readonly Labels?: Readonly<Record<string, string>> | null | undefined;
}

export interface ImageRow {
    readonly id: string;
    /** `repository:tag`, or `<none> (short id)` for an untagged image. */
    readonly name: string;
    /** Empty for an untagged image. */
    readonly repository: string;
    readonly tag: string;
    readonly size: number;
    /** Seconds since the epoch, as the engine gives it. */
    readonly created: number;
    readonly labels: Readonly<Record<string, string>>;
    /** Built by Parity (it carries Parity's labels). */
    readonly parity: boolean;
    /** No tag: a leftover of a rebuild or an intermediate image. */
    readonly dangling: boolean;
}

/** The first 12 hex digits of an image or container ID, as the docker CLI shows it. */
export function shortId(id: string): string {
    return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Splits `registry:5000/name:tag` into repository and tag (imageReference decides where). */
export function splitReference(reference: string): { repository: string; tag: string } {
    const parts = splitImageReference(reference);
    return { repository: repositoryOf(parts), tag: parts.tag ?? 'latest' };
}

/**
 * One row per repo:tag (an untagged image gets one `<none>` row): images Parity built first, then other
 * tagged images, then untagged leftovers — each group newest first — so what the user just built is on top.
 */
export function imageRows(images: readonly ImageSummary[]): ImageRow[] {
    const rank = (row: ImageRow): number => (row.parity && !row.dangling ? 0 : row.dangling ? 2 : 1);
    return images
        .flatMap((image) => {
            const labels = image.Labels ?? {};
            const parity = labels['parity.managed'] === 'true' || labels['parity.plan'] !== undefined;
            const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
            // Written out rather than spread from a shared object: V8 builds spread objects an order slower.
            const row = (name: string, repository: string, tag: string, dangling: boolean): ImageRow => ({
                id: image.Id,
                name,
                repository,
                tag,
                size: image.Size,
                created: image.Created,
                labels,
                parity,
                dangling,
            });
            if (tags.length === 0) {
                return [row(`<none> (${shortId(image.Id)})`, '', '', true)];
            }
            return tags.map((name) => {
                const { repository, tag } = splitReference(name);
                return row(name, repository, tag, false);
            });
        })
        .sort((a, b) => rank(a) - rank(b) || b.created - a.created || compareNames(a.name, b.name));
}

/**
 * The tree item's contextValue, which the view's menus match by regex (package.json `viewItem =~ /…/`):
 * `parityImage`, `image`, `danglingImage`, and `danglingImage;parity` for a leftover of a Parity build.
 */
export function imageContextValue(row: ImageRow): string {
    if (row.dangling) {
        return row.parity ? 'danglingImage;parity' : 'danglingImage';
    }
    return row.parity ? 'parityImage' : 'image';
}
