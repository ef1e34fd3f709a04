import { checkBaseImages } from './checkBaseImages';
import { checkCopySources } from './checkCopySources';
import { checkRuntimeSettings } from './checkRuntimeSettings';
import { diffFindingProblems } from './diffFindingProblems';
import type { DockerfileCheckContext } from './DockerfileCheckContext';
import type { DocumentProblem } from './DockerfileProblem';
import { findUnpinnedBaseImages } from './findUnpinnedBaseImages';

/** How to get the checks that need a snapshot, said once per file while there is none. */
export const NO_SNAPSHOT_MESSAGE =
    'Parity compares this file with the environment your app runs in once it has a snapshot: run "Parity: Snapshot Environment", or `parity snapshot --out .parity/local.snapshot.json`.';

/**
 * Every Parity check of a Dockerfile: floating base images, copies of secrets and of an unfiltered
 * context (these need no snapshot), the base images and runtime settings against the local and target
 * snapshots, and the last diff's findings that point into this file.
 */
export function checkDockerfile(context: DockerfileCheckContext): DocumentProblem[] {
    const problems: DocumentProblem[] = [
        ...findUnpinnedBaseImages(context.model),
        ...checkCopySources(context),
        ...checkBaseImages(context),
        ...(context.local || context.target ? checkRuntimeSettings(context) : []),
        ...diffFindingProblems(context.findings ?? [], context.path, context.text),
    ];
    if (!context.local) {
        problems.push({
            code: 'parity.no-snapshot',
            severity: 'info',
            facet: 'dockerfile',
            key: 'no-snapshot',
            fixes: [],
            message: NO_SNAPSHOT_MESSAGE,
            span: context.model.froms[0]?.span ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        });
    }
    return problems;
}
