import { formatAge } from '../core/formatAge';
import { listSandboxes } from '../engine/sandbox/sandboxContainers';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/** `parity ps [--json]`: Parity's sandboxes — name, image, state, ports, age — newest first. */
export async function psCommand(context: CliContext): Promise<ExitCode> {
    if (context.args.length > 0) {
        throw new CliUsageError('ps takes no arguments');
    }
    const rows = await listSandboxes(await engineClientFor(context), context.signal);
    if (context.options.json) {
        context.stdout(JSON.stringify(rows, null, 2));
        return ExitCode.Ok;
    }
    const now = Date.now();
    const table = [
        ['NAME', 'IMAGE', 'STATE', 'PORTS', 'AGE'],
        ...rows.map((row) => [
            row.name,
            row.image,
            row.state,
            row.ports.join(', ') || '-',
            formatAge(row.created * 1000, now),
        ]),
    ];
    const widths = table[0]?.map((_, column) => Math.max(...table.map((cells) => cells[column]?.length ?? 0))) ?? [];
    for (const cells of table) {
        context.stdout(
            cells
                .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
                .join('  '),
        );
    }
    return ExitCode.Ok;
}
