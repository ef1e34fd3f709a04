import type { BuildError } from '../core/build/BuildError';
import type { CliContext } from './CliContext';
import { ExitCode } from './ExitCode';

/**
 * A failed build on stderr: the message with its Dockerfile line, then the step's last output. A build that
 * ran and failed is exit 1; one that could not start (bad context, bad request) or ran out of disk is 2.
 */
export function reportBuildError(context: CliContext, error: BuildError): ExitCode {
    context.log.error(`${error.message}${error.line === undefined ? '' : ` (Dockerfile:${error.line})`}`);
    for (const line of error.logTail) {
        context.stderr(`   ${line}`);
    }
    return error.kind === 'context' || error.kind === 'request' || error.kind === 'disk-full'
        ? ExitCode.CouldNotRun
        : ExitCode.Failed;
}
