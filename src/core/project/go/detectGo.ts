import type { EcosystemDetection, EcosystemDetector } from '../EcosystemDetection';
import type { LockfileFact } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import { readToolPins } from '../toolVersions';
import { detectGoApp } from './detectGoApp';
import { goDeclarations } from './goDeclarations';
import { goNativeDependencies } from './goNativeDependencies';
import { parseGoMod } from './parseGoMod';

const GO_MOD = 'go.mod';

/** Go: go.mod's toolchain and go lines, version-manager pins, modules, cgo and the main package. */
export const detectGo: EcosystemDetector = async (files, walk): Promise<EcosystemDetection | null> => {
    const pins = (await readToolPins(files)).filter((pin) => pin.tool === 'golang' || pin.tool === 'go');
    const rootGoFiles = walk.files.filter((path) => !path.includes('/') && path.endsWith('.go'));
    if (
        !walk.has(GO_MOD) &&
        !walk.has('.go-version') &&
        !walk.has('go.work') &&
        pins.length === 0 &&
        rootGoFiles.length === 0
    ) {
        return null;
    }
    const goModFile = walk.has(GO_MOD) ? await files.readText(GO_MOD) : null;
    const goMod = goModFile ? parseGoMod(goModFile, files.issues) : null;
    if (!goModFile && rootGoFiles.length > 0) {
        files.issues.add({
            severity: 'warning',
            message: `${rootGoFiles[0] ?? 'The project'} has no go.mod beside it; since Go 1.16 go build needs a module (go mod init).`,
            at: { file: rootGoFiles[0] ?? GO_MOD, line: 1 },
        });
    }
    const lockfiles: LockfileFact[] = walk.has('go.sum') ? [{ file: 'go.sum', manager: 'go', packageRoot: '.' }] : [];
    return {
        ecosystem: 'go',
        declared: await goDeclarations(files, GO_MOD, goMod, pins),
        packageManagers: goModFile ? [{ name: 'go', ecosystem: 'go', declared: null, evidence: 'go.mod' }] : [],
        lockfiles,
        nativeDependencies: await goNativeDependencies(files, walk, GO_MOD, goMod),
        app: await detectGoApp(files, walk, GO_MOD, goMod, await goWorkUses(files)),
    };
};

/** The modules a go.work file uses besides the root, as relative folders. */
async function goWorkUses(files: ProjectFiles): Promise<string[]> {
    const work = await files.readText('go.work');
    if (!work) {
        return [];
    }
    const uses: string[] = [];
    let inBlock = false;
    for (const raw of work.text.split(/\r?\n/)) {
        const text = raw.replace(/\/\/.*$/, '').trim();
        const single = /^use\s+(?!\()(\S+)$/.exec(text);
        if (single?.[1]) {
            uses.push(single[1]);
        } else if (/^use\s*\($/.test(text)) {
            inBlock = true;
        } else if (inBlock && text === ')') {
            inBlock = false;
        } else if (inBlock && text !== '') {
            uses.push(text);
        }
    }
    return uses.map((use) => use.replace(/^\.\//, '')).filter((use) => use !== '.' && use !== '');
}
