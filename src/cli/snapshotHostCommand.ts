import { resolve } from 'node:path';
import { findingLocation } from '../core/findings/findingLocation';
import { formatSnapshotText } from '../core/snapshot/formatSnapshotText';
import { reconcileRuntimes } from '../core/snapshot/reconcileRuntimes';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { writeFileAtomic } from '../core/writeFileAtomic';
import { requireProjectFolder } from '../pipeline/requireProjectFolder';
import { captureHost } from '../targets/host/captureHost';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { ExitCode } from './ExitCode';

/**
 * `parity snapshot [PATH] [--format json|text] [--out FILE]` of this machine: the CLI's hot path, bundled on its
 * own as dist/cli-snapshot.js without the engine (`--target`, in snapshotCommand.ts, is not its business).
 */
export async function snapshotHostCommand(context: CliContext): Promise<ExitCode> {
    const format = snapshotFormat(context);
    const snapshot = await captureHost(await requireProjectFolder(context.args[0] ?? '.'), {
        toolVersion: context.version,
        log: context.log,
        env: context.env,
        signal: context.signal,
    });
    return printSnapshot(context, snapshot, format);
}

/** --format, checked with the arguments before any work. */
export function snapshotFormat(context: CliContext): 'json' | 'text' {
    const format = context.options.format ?? 'json';
    if (format !== 'json' && format !== 'text') {
        throw new CliUsageError(`--format must be json or text, not "${format}"`);
    }
    if (context.args.length > 1) {
        throw new CliUsageError(`snapshot takes one PATH, not ${context.args.length}`);
    }
    return format;
}

/** The snapshot as JSON on stdout (or in --out FILE), logs and findings on stderr; or the text summary. */
export async function printSnapshot(
    context: CliContext,
    snapshot: Snapshot,
    format: 'json' | 'text',
): Promise<ExitCode> {
    const findings = reconcileRuntimes(snapshot.runtimes);

    const output =
        format === 'json' ? `${JSON.stringify(snapshot, null, 2)}\n` : `${formatSnapshotText(snapshot, findings)}\n`;
    if (context.options.out) {
        await writeFileAtomic(resolve(context.options.out), output);
        context.log.info(`Snapshot written to ${context.options.out}`);
    } else {
        context.stdout(output.trimEnd());
    }
    if (format === 'json') {
        for (const finding of findings) {
            const at = findingLocation(finding);
            context.log.warn(`${at ? `${at.file}:${at.line}: ` : ''}${finding.message}`);
        }
        for (const issue of snapshot.issues) {
            context.log[issue.severity === 'info' ? 'info' : 'warn'](
                `${issue.at ? `${issue.at.file}:${issue.at.line}: ` : ''}${issue.message}`,
            );
        }
    }
    return ExitCode.Ok;
}
