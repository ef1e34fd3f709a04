import type { EngineOverride } from '../core/selectEngine';
import { type EngineRef, engineRefText } from '../core/targetAddress';
import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';
import type { CliContext, CliOptions } from './CliContext';

/**
 * The engine the CLI talks to: a target's own `@ENGINE` when it names one, else --host, else DOCKER_HOST /
 * the Docker context / the default socket. The TLS flags (--tls, --tlsverify, --tlscacert, --tlscert,
 * --tlskey) apply to whichever of them is a tcp:// address, as the Docker CLI's apply to its host; a Docker
 * context keeps its own certificates.
 */
export async function engineClientFor(context: CliContext, engine?: EngineRef): Promise<EngineClient> {
    const tls = tlsFlags(context.options);
    let override: EngineOverride | undefined;
    if (engine) {
        override = {
            value: engineRefText(engine),
            source: `@${engineRefText(engine)}`,
            ...(tls && engine.kind === 'address' ? { tls } : {}),
        };
    } else if (context.options.host !== undefined || tls) {
        // A blank value falls through to DOCKER_HOST and the rest, which the flags then apply to.
        override = { value: context.options.host ?? '', source: '--host', ...(tls ? { tls } : {}) };
    }
    const selection = await resolveEngine(override, context.env);
    return new EngineClient(selection, { log: context.log, timeoutMs: context.timeoutMs, env: context.env });
}

/** The Docker CLI's TLS flags as an override's TLS part: --tlsverify verifies, --tls alone only encrypts. */
function tlsFlags(options: CliOptions): EngineOverride['tls'] {
    const files = {
        ...(options.tlsCaCert === undefined ? {} : { caFile: options.tlsCaCert }),
        ...(options.tlsCert === undefined ? {} : { certFile: options.tlsCert }),
        ...(options.tlsKey === undefined ? {} : { keyFile: options.tlsKey }),
    };
    if (options.tlsVerify === true) {
        return { ...files, verify: true };
    }
    if (options.tls === true) {
        return { ...files, verify: false };
    }
    return Object.keys(files).length > 0 ? files : undefined;
}
