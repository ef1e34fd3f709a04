import type { IssueSink } from '../ProjectFiles';
import { normalizeSpecifier } from './pep440Range';
import { parsePep508 } from './parsePep508';
import { canonicalName, type PythonRequirement } from './PythonRequirement';
import { tomlTable, type TomlFile } from './readTomlFile';
import { keyLineIn, tomlTableLines } from './tomlLines';

/** Direct dependencies from pyproject.toml ([project] and Poetry's table) and the Pipfile's [packages]. */
export function manifestRequirements(
    pyproject: TomlFile | null,
    pipfile: TomlFile | null,
    issues: IssueSink,
): PythonRequirement[] {
    const found: PythonRequirement[] = [];
    if (pyproject) {
        const dependencies = tomlTable(pyproject.data, 'project')?.dependencies;
        const lines = tomlTableLines(pyproject.text, ['project']);
        for (const text of Array.isArray(dependencies) ? dependencies : []) {
            if (typeof text !== 'string') {
                continue;
            }
            const line = lines.strings.get(text) ?? keyLineIn(pyproject.text, lines, 'dependencies');
            const parsed = parsePep508(text);
            if (!parsed) {
                issues.add({
                    severity: 'warning',
                    message: `${pyproject.path}: "${text}" is not a PEP 508 dependency; it was skipped.`,
                    at: { file: pyproject.path, line },
                });
                continue;
            }
            let specifier = parsed.specifier;
            if (specifier !== '' && normalizeSpecifier(specifier) === null) {
                issues.add({
                    severity: 'warning',
                    message: `${pyproject.path}: "${specifier}" (for ${parsed.name}) is not a valid PEP 440 specifier.`,
                    at: { file: pyproject.path, line },
                });
                specifier = '';
            }
            found.push({
                name: canonicalName(parsed.name),
                extras: parsed.extras,
                specifier,
                source: `${pyproject.path} [project.dependencies]`,
                at: { file: pyproject.path, line },
            });
        }
        found.push(
            ...tableRequirements(
                pyproject,
                ['tool', 'poetry', 'dependencies'],
                `${pyproject.path} [tool.poetry.dependencies]`,
            ),
        );
    }
    if (pipfile) {
        found.push(...tableRequirements(pipfile, ['packages'], `${pipfile.path} [packages]`));
    }
    return found;
}

/** `name = "constraint"` or `name = { version = "…", extras = […] }` tables (Poetry, Pipenv). */
function tableRequirements(file: TomlFile, table: readonly string[], source: string): PythonRequirement[] {
    const entries = tomlTable(file.data, ...table) ?? {};
    const lines = tomlTableLines(file.text, table);
    const found: PythonRequirement[] = [];
    for (const [name, value] of Object.entries(entries)) {
        if (name === 'python') {
            continue;
        }
        const detail =
            typeof value === 'object' && value !== null && !Array.isArray(value)
                ? (value as Record<string, unknown>)
                : {};
        const version = typeof value === 'string' ? value : typeof detail.version === 'string' ? detail.version : '';
        const extras = Array.isArray(detail.extras)
            ? detail.extras.filter((extra): extra is string => typeof extra === 'string')
            : [];
        found.push({
            name: canonicalName(name),
            extras,
            specifier: version === '*' ? '' : version,
            source,
            at: { file: file.path, line: keyLineIn(file.text, lines, name) },
        });
    }
    return found;
}
