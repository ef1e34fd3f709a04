// The pipeline — snapshot detectors and their parsers (semver, TOML, YAML, PEP 440), the planner, the recipe
// writer and the build runner — is bundled apart as dist/pipeline.js and loaded the first time a command needs
// it, so activation never pays for it.
export { captureHost } from '../../targets/host/captureHost';
export { reconcileRuntimes } from '../../core/snapshot/reconcileRuntimes';
export { writeProjectFile } from '../../core/writeProjectFile';
export { issueText, savePlan } from '../../pipeline/planProject';
export { packageProject } from '../../pipeline/packageProject';
export { buildProject } from '../../pipeline/buildProject';
export { imageTagFor } from '../../pipeline/imageTagFor';
export { planFromSnapshot } from '../../core/plan/planFromSnapshot';
export { planToText } from '../../core/plan/planToText';
export { BuildError } from '../../core/build/BuildError';
export { runSandbox } from '../../pipeline/runSandbox';
export { runLikeTarget } from '../../pipeline/runLikeTarget';
export { readProjectDotenv } from '../../pipeline/readProjectDotenv';
export { listSandboxes, stopSandboxNamed } from '../../engine/sandbox/sandboxContainers';
export { loadSandboxTarget } from '../../pipeline/loadSandboxTarget';
export { probeImage } from '../../targets/image/probeImage';
export { probeContainer } from '../../targets/container/probeContainer';
export { formatSnapshotText } from '../../core/snapshot/formatSnapshotText';
export { parseSnapshot } from '../../core/snapshot/parseSnapshot';
export { diffTargets } from '../../pipeline/diff/diffTargets';
export { renderDiffReport } from '../../core/diff/report/renderDiffReport';
export { diffRulesFromSettings } from '../diff/diffRulesFromSettings';
export { captureEngineTarget } from '../../pipeline/targets/captureEngineTarget';
export { readSnapshotFile } from '../../pipeline/diff/readSnapshotFile';
export { refreshDiff } from '../../pipeline/diff/refreshDiff';
export { execShell } from '../../engine/execShell';
export { pushImage } from '../../engine/images/pushImage';
export { readRegistryAuth } from '../../engine/readRegistryAuth';
export { findParityLeftovers, removeParityLeftovers } from '../../engine/pruneParityLeftovers';
export { sandboxDockerRun } from '../../engine/sandbox/sandboxDockerRun';
