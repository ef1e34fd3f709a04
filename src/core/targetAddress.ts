import { EngineAddressError, type EngineAddress, parseEngineAddress } from './engineAddress';
import type { EngineOverride } from './selectEngine';

/**
 * Where a target lives, after its `@`: an engine address (`ssh://deploy@127.0.0.1:2222`, `tcp://…`,
 * `unix:///…`) or the name of a Docker context (`cloud`). No suffix means the engine Parity talks to anyway.
 */
export type EngineRef =
    | { readonly kind: 'address'; readonly text: string; readonly address: EngineAddress }
    | { readonly kind: 'context'; readonly name: string };

/** The target kinds that name something on an engine, and so may carry `@ENGINE`. */
export const ENGINE_TARGET_KINDS = ['container', 'swarm', 'image', 'registry'] as const;
export type EngineTargetKind = (typeof ENGINE_TARGET_KINDS)[number];

/** `kind:value[@ENGINE]` taken apart; `value` keeps its own colons and `@` (an image digest). */
export interface TargetAddress {
    readonly kind: string;
    readonly value: string;
    readonly engine?: EngineRef;
}

export class TargetAddressError extends Error {
    constructor(
        readonly input: string,
        reason: string,
    ) {
        super(`"${input}" is not a target: ${reason}.`);
        this.name = 'TargetAddressError';
    }
}

const ADDRESS_SCHEME = /^(unix|npipe|tcp|http|https|ssh):\/\//;
/** The Docker CLI's rule for context names. */
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;

/**
 * Splits `container:api@ssh://deploy@127.0.0.1:2222`, `swarm:web@cloud`, `image:node@sha256:…@cloud`.
 * The engine part starts at the first `@` after which an engine address or a context name follows, so
 * a digest (`@sha256:…`, never a context name: it has a colon) stays in the value. Only engine kinds
 * (container, swarm, image, registry) are split: a `file:` or `host:` path may contain `@` and is local.
 */
export function parseTargetAddress(input: string): TargetAddress {
    const text = input.trim();
    const colon = text.indexOf(':');
    if (colon <= 0) {
        throw new TargetAddressError(
            input,
            'write it as KIND:NAME, e.g. container:api or container:api@ssh://deploy@host',
        );
    }
    const kind = text.slice(0, colon);
    const rest = text.slice(colon + 1);
    if (!(ENGINE_TARGET_KINDS as readonly string[]).includes(kind)) {
        return { kind, value: rest };
    }
    for (let at = rest.indexOf('@'); at >= 0; at = rest.indexOf('@', at + 1)) {
        const engine = engineRef(rest.slice(at + 1), input);
        if (engine) {
            const value = rest.slice(0, at);
            if (value === '') {
                throw new TargetAddressError(input, `it names no ${kind} before "@"`);
            }
            return { kind, value, engine };
        }
    }
    return { kind, value: rest };
}

/** The text form, the one the CLI and settings accept back. */
export function formatTargetAddress(target: TargetAddress): string {
    const suffix = target.engine ? `@${engineRefText(target.engine)}` : '';
    return `${target.kind}:${target.value}${suffix}`;
}

/** An engine reference as written after `@`: the address as given, or the context name. */
export function engineRefText(engine: EngineRef): string {
    return engine.kind === 'address' ? engine.text : engine.name;
}

/** The engine choice a target's suffix makes, in the form engine resolution takes (see selectEngine). */
export function engineOverrideOf(target: TargetAddress): EngineOverride | undefined {
    if (!target.engine) {
        return undefined;
    }
    return { value: engineRefText(target.engine), source: `the target ${formatTargetAddress(target)}` };
}

function engineRef(text: string, input: string): EngineRef | undefined {
    if (ADDRESS_SCHEME.test(text)) {
        try {
            return { kind: 'address', text, address: parseEngineAddress(text) };
        } catch (error) {
            throw new TargetAddressError(
                input,
                error instanceof EngineAddressError ? error.message.replace(/\.$/, '') : String(error),
            );
        }
    }
    return CONTEXT_NAME.test(text) ? { kind: 'context', name: text } : undefined;
}
