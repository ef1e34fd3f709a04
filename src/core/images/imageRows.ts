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
    readonly name: string;
    readonly size: number;
    /** Seconds since the epoch, as the engine gives it. */
    readonly created: number;
    readonly labels: Readonly<Record<string, string>>;
    /** Built by Parity (it carries Parity's labels). */
    readonly parity: boolean;
    /** No tag: a leftover of a rebuild or an intermediate image. */
    readonly dangling: boolean;
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
            const names = tags.length > 0 ? tags : [`<none> (${image.Id.replace('sha256:', '').slice(0, 12)})`];
            return names.map((name): ImageRow => ({ id: image.Id, name, size: image.Size, created: image.Created, labels, parity, dangling: tags.length === 0 }));
        })
        .sort((a, b) => rank(a) - rank(b) || b.created - a.created || a.name.localeCompare(b.name));
}
