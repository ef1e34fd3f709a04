import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CaptureIssue } from '../../../../src/core/snapshot/Snapshot';
import type { EcosystemDetection, EcosystemDetector } from '../../../../src/core/project/EcosystemDetection';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { walkProject } from '../../../../src/core/project/walkProject';

export const FIXTURES = resolve(__dirname, '../../../fixtures/projects');

export interface DetectorRun {
    readonly detection: EcosystemDetection | null;
    readonly issues: readonly CaptureIssue[];
}

/** Runs a detector over a fixture project under test/fixtures/projects, the way a capture does. */
export async function detectFixture(detector: EcosystemDetector, name: string): Promise<DetectorRun> {
    return detectIn(detector, join(FIXTURES, name));
}

/** Runs a detector over a throwaway project made of `files` (text, or bytes for encoding tests). */
export async function detectFiles(
    detector: EcosystemDetector,
    files: Readonly<Record<string, string | Uint8Array>>,
): Promise<DetectorRun> {
    const root = await mkdtemp(join(tmpdir(), 'parity-detect-'));
    try {
        for (const [path, content] of Object.entries(files)) {
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), content);
        }
        return await detectIn(detector, root);
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

async function detectIn(detector: EcosystemDetector, root: string): Promise<DetectorRun> {
    const files = nodeProjectFiles(root);
    const walk = await walkProject(files);
    const detection = await detector(files, walk);
    return { detection, issues: files.issues.all };
}

/** The detection, failing the test when the detector found nothing. */
export function found(run: DetectorRun): EcosystemDetection {
    if (!run.detection) {
        throw new Error('the detector returned null for a project of its ecosystem');
    }
    return run.detection;
}
