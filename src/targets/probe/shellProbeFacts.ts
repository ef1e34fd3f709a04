import { parseProbeOutput, type ProbeFacts, type ProbeSourceKind } from '../../core/probe/parseProbeOutput';
import type { CaptureIssue } from '../../core/snapshot/Snapshot';
import type { CommandResult } from '../../engine/execInContainer';

/** Parses what the shell probe printed and adds what its exit code and stderr say. */
export function shellProbeFacts(result: CommandResult, source: ProbeSourceKind): ProbeFacts {
    const facts = parseProbeOutput(result.stdout, source);
    const issues: CaptureIssue[] = [...facts.issues];
    if (result.truncated) {
        issues.push({
            severity: 'warning',
            message: 'The probe printed more than Parity reads; the rest was dropped.',
        });
    }
    if (result.cutOff !== undefined) {
        issues.push({
            severity: 'warning',
            message: `The connection to the engine broke while the probe's output came in (${result.cutOff}): what arrived before is kept${facts.unread ? `; not read: ${facts.unread.join(', ')}` : ''}.`,
        });
    } else if (result.exitCode !== 0) {
        issues.push({
            severity: 'warning',
            message: `The probe exited with ${result.exitCode === null ? 'an unknown status' : `code ${result.exitCode}`}.`,
        });
    }
    const stderr = result.stderr.trim();
    if (stderr) {
        issues.push({
            severity: 'info',
            message: `The probe wrote to stderr: ${stderr.length > 300 ? `${stderr.slice(0, 300)}…` : stderr}`,
        });
    }
    return { ...facts, issues };
}
