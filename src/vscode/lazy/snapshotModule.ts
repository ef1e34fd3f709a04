// The snapshot machinery (detectors and their parsers: semver, TOML, YAML, PEP 440) is bundled apart as
// dist/snapshot.js and loaded the first time a snapshot is taken, so activation never pays for it.
export { captureHost } from '../../targets/host/captureHost';
export { reconcileRuntimes } from '../../core/snapshot/reconcileRuntimes';
export { writeFileAtomic } from '../../core/writeFileAtomic';
