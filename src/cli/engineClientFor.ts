import { type EngineRef, engineRefText } from '../core/targetAddress';
import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';
import type { CliContext } from './CliContext';

/**
 * The engine the CLI talks to: a target's own `@ENGINE` when it names one, else --host, else DOCKER_HOST /
 * the Docker context / the default socket.
 */
export async function engineClientFor(context: CliContext, engine?: EngineRef): Promise<EngineClient> {
    const override = engine
        ? { value: engineRefText(engine), source: `@${engineRefText(engine)}` }
        : context.options.host === undefined ? undefined : { value: context.options.host, source: '--host' };
    const selection = await resolveEngine(override, context.env);
    return new EngineClient(selection, { log: context.log, timeoutMs: context.timeoutMs, env: context.env });
}
