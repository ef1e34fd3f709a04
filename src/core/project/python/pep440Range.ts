import { validRange } from '@renovatebot/pep440';

/** A version constraint in PEP 440 form, or null with the reason it could not be understood. */
export interface Pep440Range {
    readonly range: string | null;
    readonly note?: string;
}

/**
 * A PEP 440 specifier set with the whitespace taken out (">= 3.10, < 4" → ">=3.10,<4"), or null when it is not
 * one. An empty text is not a constraint here, although PEP 440 reads it as "any version".
 */
export function normalizeSpecifier(text: string): string | null {
    const parts = text.split(',').map((part) => part.replace(/\s+/g, ''));
    if (parts.some((part) => part === '')) {
        return null;
    }
    const normalized = parts.join(',');
    return validRange(normalized) ? normalized : null;
}

const NOT_CPYTHON =
    /^(pypy|miniconda|anaconda|mambaforge|miniforge|graalpy|graalpython|jython|ironpython|stackless|micropython|pyston|activepython|nogil)/i;

/**
 * A pinned Python version as version managers write it (.python-version, .tool-versions, runtime.txt,
 * Pipfile): "3.12.1" → "==3.12.1", "3.12" → "==3.12.*" (the newest patch release is what pyenv/mise pick).
 */
export function pythonPinRange(text: string): Pep440Range {
    const version = text.trim();
    const freeThreaded = /^(\d+\.\d+(?:\.\d+)?)t$/.exec(version);
    if (freeThreaded?.[1]) {
        return {
            ...pythonPinRange(freeThreaded[1]),
            note: `${version} is the free-threaded build of ${freeThreaded[1]}`,
        };
    }
    if (/^\d+(?:\.\d+)?$/.test(version)) {
        return { range: `==${version}.*` };
    }
    if (/^\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?$/.test(version)) {
        return { range: `==${version}` };
    }
    if (version === 'system') {
        return { range: null, note: '"system" runs whichever python is first on PATH' };
    }
    if (version === 'latest') {
        return { range: null, note: '"latest" follows the newest release; it pins nothing' };
    }
    const dev = /^(\d+\.\d+)-dev$/.exec(version);
    if (dev) {
        return {
            range: null,
            note: `${version} is a build of the ${dev[1]} development branch; no release matches it`,
        };
    }
    const other = NOT_CPYTHON.exec(version);
    if (other) {
        return { range: null, note: `${version} is ${other[1]}, not CPython` };
    }
    return { range: null, note: `"${version}" is not a Python version pyenv or mise understands` };
}
