import { DiffTargetError, type EngineDiffTarget, isEngineTarget, parseDiffTarget } from '../core/diff/DiffTarget';
import type { Snapshot } from '../core/snapshot/Snapshot';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import type { ExitCode } from './ExitCode';
import { printSnapshot, snapshotFormat, snapshotHostCommand } from './snapshotHostCommand';

/**
 * `parity snapshot [PATH] [--format json|text] [--out FILE] [--target T]` (T: image:REF, container:NAME,
 * swarm:SERVICE or registry:REF, each optionally @ENGINE): the environment as one Snapshot — JSON on stdout
 * (or in FILE), logs and findings on stderr. Without --target it is snapshotHostCommand.
 */
export async function snapshotCommand(context: CliContext): Promise<ExitCode> {
    if (context.options.target === undefined) {
        return snapshotHostCommand(context);
    }
    const format = snapshotFormat(context);
    const target = engineTarget(context.options.target);
    return printSnapshot(context, await captureTarget(context, target), format);
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
