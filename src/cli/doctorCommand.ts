import { formatEngineStatus } from '../core/EngineStatus';
import type { CliContext } from './CliContext';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/** `parity doctor [--json]`: which engine Parity would use and what it is. */
export async function doctorCommand(context: CliContext): Promise<ExitCode> {
    const client = await engineClientFor(context);
    const status = await client.status(context.signal);
    context.stdout(context.options.json ? JSON.stringify(status, null, 2) : formatEngineStatus(status).join('\n'));
    return ExitCode.Ok;
}
