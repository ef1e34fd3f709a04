import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import type { ToolPin } from '../toolVersions';
import { normalizeSpecifier, pythonPinRange, type Pep440Range } from './pep440Range';
import { poetryToPep440 } from './poetryToPep440';
import { tomlGet, type TomlFile } from './readTomlFile';
import { tomlKeyLine } from './tomlLines';

/**
 * Every place the project pins Python, in Railpack's order (the first wins): .python-version, asdf/mise,
 * runtime.txt, Pipfile [requires], pyproject.toml requires-python, Poetry's python dependency.
 */
export async function pythonDeclarations(
    files: ProjectFiles,
    pins: readonly ToolPin[],
    pyproject: TomlFile | null,
    pipfile: TomlFile | null,
): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    const pythonVersion = await readPythonVersionFile(files);
    if (pythonVersion) {
        declared.push(pythonVersion);
    }
    for (const pin of pins) {
        if (pin.tool === 'python') {
            declared.push(declaration(pin.file, pin.line, pin.source, pin.version, pythonPinRange(pin.version)));
        }
    }
    const runtime = await readRuntimeTxt(files);
    if (runtime) {
        declared.push(runtime);
    }
    if (pipfile) {
        for (const key of ['python_full_version', 'python_version']) {
            const value = tomlGet(pipfile.data, 'requires', key);
            if (typeof value === 'string') {
                declared.push(
                    declaration(
                        pipfile.path,
                        tomlKeyLine(pipfile.text, ['requires'], key),
                        `Pipfile#requires.${key}`,
                        value,
                        pythonPinRange(value),
                    ),
                );
            }
        }
    }
    if (pyproject) {
        const requires = tomlGet(pyproject.data, 'project', 'requires-python');
        if (typeof requires === 'string') {
            const line = tomlKeyLine(pyproject.text, ['project'], 'requires-python');
            declared.push(
                declaration(
                    pyproject.path,
                    line,
                    'pyproject.toml#requires-python',
                    requires,
                    specifierRange(requires, pyproject.path, line, files),
                ),
            );
        }
        const poetry = tomlGet(pyproject.data, 'tool', 'poetry', 'dependencies', 'python');
        if (typeof poetry === 'string') {
            const line = tomlKeyLine(pyproject.text, ['tool', 'poetry', 'dependencies'], 'python');
            declared.push(
                declaration(
                    pyproject.path,
                    line,
                    'pyproject.toml#tool.poetry.dependencies.python',
                    poetry,
                    poetryRange(poetry, pyproject.path, line, files),
                ),
            );
        }
    }
    return declared;
}

function declaration(file: string, line: number, source: string, raw: string, range: Pep440Range): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}

async function readPythonVersionFile(files: ProjectFiles): Promise<RuntimeDeclaration | null> {
    const file = await files.readText('.python-version');
    if (!file) {
        return null;
    }
    const lines = file.text
        .split(/\r?\n/)
        .map((text, index) => ({ text: text.trim(), line: index + 1 }))
        .filter((entry) => entry.text !== '' && !entry.text.startsWith('#'));
    const [first, ...others] = lines;
    if (!first) {
        files.issues.add({
            severity: 'warning',
            message: '.python-version is empty; pyenv ignores it and falls back to the global Python.',
            at: { file: file.path, line: 1 },
        });
        return null;
    }
    const range = pythonPinRange(first.text);
    const also =
        others.length > 0
            ? `pyenv also puts ${others.map((other) => other.text).join(', ')} on PATH; the first line wins`
            : undefined;
    const note = [range.note, also].filter((part) => part !== undefined).join('; ');
    return declaration(file.path, first.line, '.python-version', first.text, {
        range: range.range,
        ...(note ? { note } : {}),
    });
}

async function readRuntimeTxt(files: ProjectFiles): Promise<RuntimeDeclaration | null> {
    const file = await files.readText('runtime.txt');
    const lineIndex = file ? file.text.split(/\r?\n/).findIndex((text) => text.trim() !== '') : -1;
    const text = file?.text.split(/\r?\n/)[lineIndex]?.trim();
    if (!file || !text?.toLowerCase().startsWith('python')) {
        return null;
    }
    const version = /^python-(.+)$/i.exec(text)?.[1];
    const range = version
        ? pythonPinRange(version)
        : { range: null, note: 'runtime.txt should read python-<version>, e.g. python-3.12.4' };
    if (range.range === null) {
        files.issues.add({
            severity: 'warning',
            message: `runtime.txt says "${text}", which is not a Python version (expected e.g. python-3.12.4).`,
            at: { file: file.path, line: lineIndex + 1 },
        });
    }
    return declaration(file.path, lineIndex + 1, 'runtime.txt', text, range);
}

function specifierRange(text: string, file: string, line: number, files: ProjectFiles): Pep440Range {
    const range = normalizeSpecifier(text);
    if (range === null) {
        files.issues.add({
            severity: 'warning',
            message: `${file}: requires-python "${text}" is not a valid PEP 440 specifier; pip and uv will refuse to install the project.`,
            at: { file, line },
        });
        return { range: null, note: 'not a valid PEP 440 specifier' };
    }
    return { range };
}

function poetryRange(text: string, file: string, line: number, files: ProjectFiles): Pep440Range {
    if (text.trim() === '*') {
        return { range: null, note: '"*" allows any Python version' };
    }
    const converted = poetryToPep440(text);
    const range = converted === null ? null : normalizeSpecifier(converted);
    if (range === null) {
        if (!text.includes('|')) {
            files.issues.add({
                severity: 'warning',
                message: `${file}: the python constraint "${text}" is not one Poetry understands.`,
                at: { file, line },
            });
        }
        return {
            range: null,
            note: text.includes('|')
                ? 'alternatives ("||") have no single PEP 440 specifier set'
                : 'not a Poetry version constraint',
        };
    }
    return { range, note: `Poetry's "${text.trim()}" in PEP 440 form` };
}
