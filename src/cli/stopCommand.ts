import { SandboxError } from '../core/sandbox/SandboxError';
import { listSandboxes, stopSandboxNamed } from '../engine/sandbox/sandboxContainers';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/**
 * `parity stop NAME... | --all`: SIGTERM, SIGKILL after 10 s, then remove. Only Parity's sandboxes: a
 * name that is not one is refused (exit 2) and the others are still stopped.
 */
export async function stopCommand(context: CliContext): Promise<ExitCode> {
    if (context.options.all === context.args.length > 0) {
        throw new CliUsageError(
            context.options.all
                ? 'stop takes NAMEs or --all, not both'
                : 'stop needs the NAME of a sandbox (see `parity ps`), or --all',
        );
    }
    const client = await engineClientFor(context);
    const names = context.options.all
        ? (await listSandboxes(client, context.signal)).map((row) => row.name)
        : context.args;
    if (names.length === 0) {
        context.log.info('No sandboxes to stop.');
        return ExitCode.Ok;
    }
    let code = ExitCode.Ok;
    for (const name of names) {
        try {
            const exit = await stopSandboxNamed(client, name, { signal: context.signal });
            context.stdout(name);
            context.log.info(`Sandbox ${name} ${exit.reason}; removed.`);
        } catch (error) {
            if (!(error instanceof SandboxError)) {
                throw error;
            }
            context.stderr(`parity: ${error.message}`);
            code = ExitCode.CouldNotRun;
        }
    }
    return code;
}
