import { formatBytes } from '../core/formatBytes';
import { findParityLeftovers, removeParityLeftovers } from '../engine/pruneParityLeftovers';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/**
 * `parity prune [--yes]`: Parity's own leftovers — stopped sandboxes, untagged Parity builds no live container
 * uses — listed with a total; removed only with --yes. Nothing that is not Parity's is ever in the list.
 */
export async function pruneCommand(context: CliContext): Promise<ExitCode> {
    if (context.args.length > 0) {
        throw new CliUsageError('prune takes no arguments (--yes to remove what it lists)');
    }
    const client = await engineClientFor(context);
    const leftovers = await findParityLeftovers(client, {}, context.signal);
    for (const sandbox of leftovers.sandboxes) {
        context.stdout(`sandbox ${sandbox.name} (${sandbox.state})`);
    }
    for (const image of leftovers.images) {
        context.stdout(`image ${image.id.slice(0, 19)} (${formatBytes(image.size)})`);
    }
    const total = `${leftovers.sandboxes.length} stopped sandbox${leftovers.sandboxes.length === 1 ? '' : 'es'} and ${leftovers.images.length} untagged Parity build${leftovers.images.length === 1 ? '' : 's'} (up to ${formatBytes(leftovers.bytes)})`;
    if (leftovers.count === 0) {
        context.log.info('Nothing to prune: no stopped sandboxes and no untagged Parity builds.');
        return ExitCode.Ok;
    }
    if (!context.options.yes) {
        context.log.info(`${total}. Run parity prune --yes to remove them.`);
        return ExitCode.Ok;
    }
    const result = await removeParityLeftovers(client, leftovers, context.signal);
    context.log.info(`Removed ${result.removed} of ${leftovers.count}: ${total}.`);
    for (const failure of result.failed) {
        context.stderr(`parity: could not remove ${failure.what}: ${failure.message}`);
    }
    return result.failed.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}
