import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DiffReport } from '../core/diff/DiffReport';
import { type DiffTarget, DiffTargetError, parseDiffTarget } from '../core/diff/DiffTarget';
import { DIFF_FORMATS, type DiffFormat, renderDiffReport } from '../core/diff/report/renderDiffReport';
import type { Severity } from '../core/findings/Finding';
import { type EngineRef, parseTargetAddress } from '../core/targetAddress';
import { writeFileAtomic } from '../core/writeFileAtomic';
import { diffTargets } from '../pipeline/diff/diffTargets';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * `parity diff [--from T] --to T [--via T] [--format text|json|markdown|sarif] [--fail-on error|warning|info]
 * [--out FILE]`: the report on stdout (or written whole to FILE), logs on stderr. Exit 1 when a finding is at or
 * above --fail-on (default error), 0 when none is; what could not run exits 2 before anything is written.
 */
export async function diffCommand(context: CliContext): Promise<ExitCode> {
    const { options } = context;
    if (context.args.length > 0) {
        throw new CliUsageError(`diff takes its sides as --from and --to, not "${context.args.join(' ')}"`);
    }
    const format = options.format ?? 'text';
    if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
        throw new CliUsageError(`--format must be ${DIFF_FORMATS.join(', ')}, not "${format}"`);
    }
    const failOn = options.failOn ?? 'error';
    if (!(SEVERITIES as readonly string[]).includes(failOn)) {
        throw new CliUsageError(`--fail-on must be error, warning or info, not "${failOn}"`);
    }
    if (options.to === undefined) {
        throw new CliUsageError(
            'diff needs --to T: host:PATH, image:REF, container:NAME, swarm:SERVICE, registry:REF or file:PATH (engine kinds may end in @ENGINE)',
        );
    }
    const from = target('--from', options.from ?? 'host:.');
    const to = target('--to', options.to);
    const via = options.via === undefined ? undefined : target('--via', options.via);
    const out = options.out === undefined ? undefined : resolve(options.out);
    const nodeEngines = new Map((options.nodeEngines ?? []).map(nodeEngine));
    if (out !== undefined) {
        // Checked before capturing: nothing is created for a mistyped path, and no capture is wasted.
        if (!(await stat(dirname(out)).catch(() => null))?.isDirectory()) {
            throw new DiffTargetError(`--out: there is no folder ${dirname(out)} to write ${out} into.`);
        }
        if ((await stat(out).catch(() => null))?.isDirectory()) {
            throw new DiffTargetError(`--out: ${out} is a folder; name the file to write.`);
        }
    }

    const { report } = await diffTargets({
        from,
        to,
        ...(via ? { via } : {}),
        client: (engine) => engineClientFor(context, engine),
        ...(nodeEngines.size > 0 ? { nodeEngines } : {}),
        ...(options.keepPulled ? { keepPulled: true } : {}),
        log: context.log,
        toolVersion: context.version,
        signal: context.signal,
        env: context.env,
    });
    const output = renderDiffReport(report, format as DiffFormat, { toolVersion: context.version });
    if (out === undefined) {
        context.stdout(output.replace(/\n$/, ''));
    } else {
        await writeFileAtomic(out, output.endsWith('\n') ? output : `${output}\n`);
        context.log.info(`Diff report written to ${options.out}`);
    }
    return failing(report, failOn as Severity) ? ExitCode.Failed : ExitCode.Ok;
}

function target(flag: string, text: string): DiffTarget {
    try {
        return parseDiffTarget(text);
    } catch (error) {
        throw new CliUsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** `--node-engine HOSTNAME=ENGINE`: the engine part is read as a target's `@ENGINE` is (an address or a context name). */
function nodeEngine(text: string): [string, EngineRef] {
    const equals = text.indexOf('=');
    const node = text.slice(0, equals).trim();
    const engine =
        equals > 0 && node !== ''
            ? (() => {
                  try {
                      return parseTargetAddress(`swarm:${node}@${text.slice(equals + 1).trim()}`).engine;
                  } catch {
                      return undefined;
                  }
              })()
            : undefined;
    if (engine === undefined) {
        throw new CliUsageError(
            `--node-engine: write it as HOSTNAME=ENGINE (a node's hostname or id, then an engine address or Docker context), not "${text}"`,
        );
    }
    return [node, engine];
}

/** Whether any finding is at or above the threshold (error > warning > info). */
function failing(report: DiffReport, failOn: Severity): boolean {
    return SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).some((severity) => report.counts[severity] > 0);
}
