import { removeAllParityContainers } from '../engine/sandbox/sandboxContainers';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/**
 * `parity clean`: removes every container Parity created (sandboxes, leftovers of a crashed run), running
 * or not. Images stay; so does every other container, even one started from an image Parity built.
 */
export async function cleanCommand(context: CliContext): Promise<ExitCode> {
    if (context.args.length > 0) {
        throw new CliUsageError('clean takes no arguments');
    }
    const { removed, failed } = await removeAllParityContainers(await engineClientFor(context), context.signal);
    for (const container of removed) {
        context.stdout(container.name);
    }
    const sandboxes = removed.filter((container) => container.purpose === 'sandbox').length;
    context.log.info(
        `Removed ${removed.length} container${removed.length === 1 ? '' : 's'} Parity created (${sandboxes} sandbox${sandboxes === 1 ? '' : 'es'}, ${removed.length - sandboxes} other); images and other containers are untouched.`,
    );
    for (const container of failed) {
        context.stderr(`parity: could not remove ${container.name}: ${container.message}`);
    }
    return failed.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}
