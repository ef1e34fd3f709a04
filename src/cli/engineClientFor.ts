import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';
import type { CliContext } from './CliContext';

/** The engine the CLI talks to: --host, else DOCKER_HOST / the Docker context / the default socket. */
export async function engineClientFor(context: CliContext): Promise<EngineClient> {
    const selection = await resolveEngine(context.options.host === undefined ? undefined : { value: context.options.host, source: '--host' }, context.env);
    return new EngineClient(selection, { log: context.log, timeoutMs: context.timeoutMs, env: context.env });
}
