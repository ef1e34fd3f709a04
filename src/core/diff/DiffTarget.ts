import { type EngineRef, formatTargetAddress, parseTargetAddress, TargetAddressError } from '../targetAddress';

/**
 * One side of `parity diff` (and what `parity snapshot --target` and a saved Parity target name), as the user
 * names it: `host:PATH` (this machine as the project at PATH sees it), `image:REF` (probed in a throwaway
 * container), `container:NAME` (a running container, probed by exec), `swarm:SERVICE` (every running task of a
 * Swarm service), `registry:REF` (pulled with the engine, then probed) or `file:PATH` (a saved snapshot). The
 * engine kinds may end in `@ENGINE` — an address or a Docker context name — for where they live; without it,
 * the engine Parity talks to anyway. The same words in the CLI, the report's JSON, settings and VS Code.
 */
export type DiffTarget =
    | { readonly kind: 'host'; readonly path: string }
    | { readonly kind: 'image'; readonly ref: string; readonly engine?: EngineRef }
    | { readonly kind: 'container'; readonly name: string; readonly engine?: EngineRef }
    | { readonly kind: 'swarm'; readonly service: string; readonly engine?: EngineRef }
    | { readonly kind: 'registry'; readonly ref: string; readonly engine?: EngineRef }
    | { readonly kind: 'file'; readonly path: string };

/** The kinds that live on an engine and are probed through it. */
export type EngineDiffTarget = Extract<DiffTarget, { readonly kind: 'image' | 'container' | 'swarm' | 'registry' }>;

export class DiffTargetError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'DiffTargetError';
    }
}

const KINDS = ['host', 'image', 'container', 'swarm', 'registry', 'file'] as const;
const USAGE =
    'use host:PATH, image:REF, container:NAME, swarm:SERVICE, registry:REF or file:PATH, the engine kinds optionally with @ENGINE (an address or a Docker context)';

/**
 * `image:node:20` → image "node:20": only the first colon separates the kind, so references keep theirs;
 * `container:api@ssh://deploy@host:2222` → container "api" on that engine (parseTargetAddress).
 */
export function parseDiffTarget(text: string): DiffTarget {
    const colon = text.indexOf(':');
    if (colon < 0 || !(KINDS as readonly string[]).includes(text.slice(0, colon))) {
        throw new DiffTargetError(`"${text}" is not a target: ${USAGE}`);
    }
    let address;
    try {
        address = parseTargetAddress(text);
    } catch (error) {
        throw new DiffTargetError(
            error instanceof TargetAddressError ? error.message.replace(/\.$/, '') : String(error),
        );
    }
    const { kind, value, engine } = address;
    if (value === '' || /[\0\n\r]/.test(value)) {
        throw new DiffTargetError(`"${text}" names no ${NOUNS[kind as (typeof KINDS)[number]]} after "${kind}:"`);
    }
    const on = engine ? { engine } : {};
    switch (kind) {
        case 'host':
            return { kind, path: value };
        case 'image':
            return { kind, ref: value, ...on };
        case 'container':
            return { kind, name: value, ...on };
        case 'swarm':
            return { kind, service: value, ...on };
        case 'registry':
            return { kind, ref: value, ...on };
        default:
            return { kind: 'file', path: value };
    }
}

const NOUNS: Readonly<Record<(typeof KINDS)[number], string>> = {
    host: 'path',
    image: 'image',
    container: 'container',
    swarm: 'service',
    registry: 'image reference',
    file: 'path',
};

export function formatDiffTarget(target: DiffTarget): string {
    const engine = isEngineTarget(target) && target.engine ? { engine: target.engine } : {};
    return formatTargetAddress({ kind: target.kind, value: diffTargetValue(target), ...engine });
}

/** What follows `kind:` (without any `@ENGINE`): a path, a reference, a name. */
export function diffTargetValue(target: DiffTarget): string {
    switch (target.kind) {
        case 'host':
        case 'file':
            return target.path;
        case 'image':
        case 'registry':
            return target.ref;
        case 'container':
            return target.name;
        case 'swarm':
            return target.service;
    }
}

export function isEngineTarget(target: DiffTarget): target is EngineDiffTarget {
    return (
        target.kind === 'image' || target.kind === 'container' || target.kind === 'swarm' || target.kind === 'registry'
    );
}
