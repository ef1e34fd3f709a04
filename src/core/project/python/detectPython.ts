import type { EcosystemDetection, EcosystemDetector } from '../EcosystemDetection';
import { readToolPins } from '../toolVersions';
import { detectPythonApp } from './detectPythonApp';
import { manifestRequirements } from './manifestRequirements';
import { pythonDeclarations } from './pythonDeclarations';
import { lockedPythonPackages } from './lockedPythonPackages';
import { type LockedPythonPackages, pythonNativeDependencies } from './pythonNativeDependencies';
import { pythonPackageManagers } from './pythonPackageManagers';
import { readRequirementsFiles, requirementsFilePaths } from './readRequirementsFiles';
import { readTomlFile } from './readTomlFile';

/** Files whose presence makes a project a Python one (besides a python pin in .tool-versions / mise.toml). */
const MARKERS = [
    'pyproject.toml',
    'Pipfile',
    'Pipfile.lock',
    'setup.py',
    'setup.cfg',
    'uv.lock',
    'poetry.lock',
    'pdm.lock',
    '.python-version',
    'runtime.txt',
    'manage.py',
    'main.py',
    'app.py',
];

/** Python: runtime pins, pip/uv/poetry/pipenv/pdm, native packages and the app, from the project's files. */
export const detectPython: EcosystemDetector = async (files, walk): Promise<EcosystemDetection | null> => {
    const pins = (await readToolPins(files)).filter((pin) => pin.tool === 'python');
    if (pins.length === 0 && !MARKERS.some((marker) => walk.has(marker)) && requirementsFilePaths(walk).length === 0) {
        return null;
    }
    const pyproject = walk.has('pyproject.toml') ? await readTomlFile(files, 'pyproject.toml') : null;
    const pipfile = walk.has('Pipfile') ? await readTomlFile(files, 'Pipfile') : null;
    const requirementsFiles = await readRequirementsFiles(files, walk);
    const requirements = [...requirementsFiles.requirements, ...manifestRequirements(pyproject, pipfile, files.issues)];
    const { packageManagers, lockfiles } = await pythonPackageManagers(
        files,
        walk,
        pyproject,
        requirementsFiles,
        requirements.length === 0,
    );
    const locked: LockedPythonPackages[] = [];
    for (const lockfile of lockfiles.filter((each) => ['poetry.lock', 'uv.lock', 'Pipfile.lock'].includes(each.file))) {
        const text = await files.readText(lockfile.file);
        if (text) {
            locked.push({ file: lockfile.file, packages: lockedPythonPackages(lockfile.file, text.text) });
        }
    }
    return {
        ecosystem: 'python',
        declared: await pythonDeclarations(files, pins, pyproject, pipfile),
        packageManagers,
        lockfiles,
        nativeDependencies: pythonNativeDependencies(requirements, requirementsFiles.noBinary, locked),
        app: await detectPythonApp({
            files,
            walk,
            requirements,
            pyproject,
            hasAppManifest: requirementsFiles.files.length > 0 || walk.has('Pipfile'),
        }),
    };
};
