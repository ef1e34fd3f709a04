import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EcosystemDetection } from '../../../../../src/core/project/EcosystemDetection';
import { detectNode } from '../../../../../src/core/project/node/detectNode';
import { nodeProjectFiles } from '../../../../../src/core/project/nodeProjectFiles';
import { walkProject } from '../../../../../src/core/project/walkProject';
import type { CaptureIssue } from '../../../../../src/core/snapshot/Snapshot';

export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'projects');

export interface NodeRun {
    readonly result: EcosystemDetection | null;
    readonly issues: readonly CaptureIssue[];
}

/** Runs detectNode over a folder the way detectProject does: real files, one bounded walk. */
export async function detectFolder(root: string): Promise<NodeRun> {
    const files = nodeProjectFiles(root);
    const walk = await walkProject(files);
    const result = await detectNode(files, walk);
    return { result, issues: files.issues.all };
}

export function detectFixture(name: string): Promise<NodeRun> {
    return detectFolder(join(FIXTURES, name));
}

/** Writes a throwaway project (path → text or bytes), runs detectNode over it, and removes it. */
export async function detectFiles(tree: Readonly<Record<string, string | Uint8Array>>): Promise<NodeRun> {
    const root = await mkdtemp(join(tmpdir(), 'parity-node-'));
    try {
        for (const [path, content] of Object.entries(tree)) {
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), content);
        }
        return await detectFolder(root);
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

/** The detection, failing the test when there is none. */
export function detected(run: NodeRun): EcosystemDetection {
    if (!run.result) {
        throw new Error('detectNode found nothing');
    }
    return run.result;
}

/** package.json text as a person writes it (two-space indent), so line numbers in tests are easy to count. */
export function packageJson(value: unknown): string {
    return `${JSON.stringify(value, null, 2)}\n`;
}
