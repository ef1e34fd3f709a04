import { resolve } from 'node:path';
import { findingLocation } from '../core/findings/findingLocation';
import { formatSnapshotText } from '../core/snapshot/formatSnapshotText';
import { reconcileRuntimes } from '../core/snapshot/reconcileRuntimes';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { writeFileAtomic } from '../core/writeFileAtomic';
import { EngineClient } from '../engine/EngineClient';
import { resolveEngine } from '../engine/resolveEngine';
import { probeContainer } from '../targets/container/probeContainer';
import { captureHost } from '../targets/host/captureHost';
import { probeImage } from '../targets/image/probeImage';
import { requireProjectFolder } from '../pipeline/requireProjectFolder';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { ExitCode } from './ExitCode';

/**
 * `parity snapshot [PATH] [--format json|text] [--out FILE] [--target image:REF|container:NAME]`:
 * the environment as one Snapshot — JSON on stdout (or in FILE), logs and findings on stderr.
 */
export async function snapshotCommand(context: CliContext): Promise<ExitCode> {
    const format = context.options.format ?? 'json';
    if (format !== 'json' && format !== 'text') {
        throw new CliUsageError(`--format must be json or text, not "${format}"`);
    }
    if (context.args.length > 1) {
        throw new CliUsageError(`snapshot takes one PATH, not ${context.args.length}`);
    }
    const snapshot = context.options.target === undefined
        ? await captureHost(await requireProjectFolder(context.args[0] ?? '.'), { toolVersion: context.version, log: context.log, env: context.env, signal: context.signal })
        : await probeTarget(context, context.options.target);
    const findings = reconcileRuntimes(snapshot.runtimes);

    const output = format === 'json' ? `${JSON.stringify(snapshot, null, 2)}\n` : `${formatSnapshotText(snapshot, findings)}\n`;
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
            context.log[issue.severity === 'info' ? 'info' : 'warn'](`${issue.at ? `${issue.at.file}:${issue.at.line}: ` : ''}${issue.message}`);
        }
    }
    return ExitCode.Ok;
}

async function probeTarget(context: CliContext, target: string): Promise<Snapshot> {
    const match = /^(image|container):(.+)$/.exec(target);
    if (!match?.[1] || !match[2]) {
        throw new CliUsageError(`--target must be image:REF or container:NAME, not "${target}"`);
    }
    const selection = await resolveEngine(context.options.host === undefined ? undefined : { value: context.options.host, source: '--host' }, context.env);
    const client = new EngineClient(selection, { log: context.log, timeoutMs: context.timeoutMs, env: context.env });
    const options = { signal: context.signal, log: context.log, toolVersion: context.version };
    return match[1] === 'image' ? probeImage(client, match[2], options) : probeContainer(client, match[2], options);
}
