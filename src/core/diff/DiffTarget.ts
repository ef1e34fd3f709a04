/**
 * One side of `parity diff` as the user names it: `host:PATH` (this machine as the project at PATH sees it),
 * `image:REF` (probed in a throwaway container), `container:NAME` (a running container, probed by exec) or
 * `file:PATH` (a saved snapshot). The same words in the CLI, the report's JSON and VS Code.
 */
export type DiffTarget =
    | { readonly kind: 'host'; readonly path: string }
    | { readonly kind: 'image'; readonly ref: string }
    | { readonly kind: 'container'; readonly name: string }
    | { readonly kind: 'file'; readonly path: string };

export class DiffTargetError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'DiffTargetError';
    }
}

const KINDS = ['host', 'image', 'container', 'file'] as const;

/** `image:node:20` → image "node:20": only the first colon separates the kind, so references keep theirs. */
export function parseDiffTarget(text: string): DiffTarget {
    const colon = text.indexOf(':');
    const kind = colon < 0 ? '' : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1);
    if (!(KINDS as readonly string[]).includes(kind)) {
        throw new DiffTargetError(`"${text}" is not a target: use host:PATH, image:REF, container:NAME or file:PATH`);
    }
    if (value === '' || /[\0\n\r]/.test(value)) {
        throw new DiffTargetError(`"${text}" names no ${kind === 'image' ? 'image' : kind === 'container' ? 'container' : 'path'} after "${kind}:"`);
    }
    switch (kind) {
        case 'host':
            return { kind, path: value };
        case 'image':
            return { kind, ref: value };
        case 'container':
            return { kind, name: value };
        default:
            return { kind: 'file', path: value };
    }
}

export function formatDiffTarget(target: DiffTarget): string {
    switch (target.kind) {
        case 'host':
        case 'file':
            return `${target.kind}:${target.path}`;
        case 'image':
            return `image:${target.ref}`;
        case 'container':
            return `container:${target.name}`;
    }
}
