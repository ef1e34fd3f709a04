import type { SourceRef } from '../../snapshot/Snapshot';

/** One dependency the project asks for directly, wherever it is written. */
export interface PythonRequirement {
    /** Canonical name (PEP 503): lower case, runs of "-", "_", "." as one "-". */
    readonly name: string;
    readonly extras: readonly string[];
    /** The version constraint as written (PEP 440, or Poetry/Pipenv syntax), "" when there is none. */
    readonly specifier: string;
    /** Where: requirements.txt, "pyproject.toml [project.dependencies]", "Pipfile [packages]" … */
    readonly source: string;
    readonly at: SourceRef;
}

export function canonicalName(name: string): string {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
