import { resolve } from 'node:path';
import { DiffTargetError, type EngineDiffTarget, isEngineTarget, parseDiffTarget } from '../core/diff/DiffTarget';
import { findingLocation } from '../core/findings/findingLocation';
import { formatSnapshotText } from '../core/snapshot/formatSnapshotText';
import { reconcileRuntimes } from '../core/snapshot/reconcileRuntimes';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { writeFileAtomic } from '../core/writeFileAtomic';
import { captureHost } from '../targets/host/captureHost';
import { requireProjectFolder } from '../pipeline/requireProjectFolder';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { ExitCode } from './ExitCode';

/**
 * `parity snapshot [PATH] [--format json|text] [--out FILE] [--target T]` (T: image:REF, container:NAME,
 * swarm:SERVICE or registry:REF, each optionally @ENGINE): the environment as one Snapshot — JSON on stdout
 * (or in FILE), logs and findings on stderr.
 */
export async function snapshotCommand(context: CliContext): Promise<ExitCode> {
    const format = context.options.format ?? 'json';
    if (format !== 'json' && format !== 'text') {
        throw new CliUsageError(`--format must be json or text, not "${format}"`);
    }
    if (context.args.length > 1) {
        throw new CliUsageError(`snapshot takes one PATH, not ${context.args.length}`);
    }
    const target = context.options.target === undefined ? undefined : engineTarget(context.options.target);
    const snapshot =
        target === undefined
            ? await captureHost(await requireProjectFolder(context.args[0] ?? '.'), {
                  toolVersion: context.version,
                  log: context.log,
                  env: context.env,
                  signal: context.signal,
              })
            : await captureTarget(context, target);
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

/** The same target words as `parity diff`; host: and file: are what PATH and a saved file already are. */
function engineTarget(text: string): EngineDiffTarget {
    let target;
    try {
        target = parseDiffTarget(text);
    } catch (error) {
        throw new CliUsageError(`--target: ${error instanceof DiffTargetError ? error.message : String(error)}`);
    }
    if (!isEngineTarget(target)) {
        throw new CliUsageError(
            `--target must be image:REF, container:NAME, swarm:SERVICE or registry:REF (each optionally @ENGINE), not "${text}"; snapshot this machine with parity snapshot PATH`,
        );
    }
    return target;
}

/** Through the one capture path; a Swarm service's replicas that differ from the first are logged as drift. */
async function captureTarget(context: CliContext, target: EngineDiffTarget): Promise<Snapshot> {
    // Loaded only for --target: a snapshot of this machine never compiles the engine probes and the diff.
    const { captureEngineTarget } = await import('../pipeline/targets/captureEngineTarget');
    const { engineClientFor } = await import('./engineClientFor');
    const client = await engineClientFor(context, target.engine);
    const captured = await captureEngineTarget(client, target, {
        signal: context.signal,
        log: context.log,
        toolVersion: context.version,
        env: context.env,
        ...(context.options.keepPulled ? { keepPulled: true } : {}),
    });
    for (const finding of captured.drift ?? []) {
        context.log.warn(finding.message);
    }
    return captured.snapshot;
}
