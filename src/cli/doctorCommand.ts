import { formatEngineStatus } from '../core/EngineStatus';
import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';
import type { CliContext } from './CliContext';
import { ExitCode } from './ExitCode';

/** `parity doctor [--json]`: which engine Parity would use and what it is. */
export async function doctorCommand(context: CliContext): Promise<ExitCode> {
    const selection = await resolveEngine(context.options.host === undefined ? undefined : { value: context.options.host, source: '--host' }, context.env);
    const client = new EngineClient(selection, { log: context.log, timeoutMs: context.timeoutMs, env: context.env });
    const status = await client.status(context.signal);
    context.stdout(context.options.json ? JSON.stringify(status, null, 2) : formatEngineStatus(status).join('\n'));
    return ExitCode.Ok;
}
