import { parse as parseToml } from 'smol-toml';
import type { CaptureIssue, RuntimeName } from '../snapshot/Snapshot';
import type { ProjectFiles } from './ProjectFiles';
import { lineOfKey } from './toolVersions';

/** The single-runtime version files the shims of pyenv, nodenv, rbenv, jenv and goenv read. */
const VERSION_FILES: Readonly<Record<RuntimeName, string>> = {
    python: '.python-version',
    node: '.node-version',
    ruby: '.ruby-version',
    java: '.java-version',
    go: '.go-version',
};

/** The runtime's names in asdf's `.tool-versions` and mise's config (asdf says nodejs and golang). */
const TOOL_NAMES: Readonly<Record<RuntimeName, readonly string[]>> = {
    python: ['python'],
    node: ['nodejs', 'node'],
    ruby: ['ruby'],
    java: ['java'],
    go: ['golang', 'go'],
};

const MISE_FILES = [
    'mise.toml',
    '.mise.toml',
    'mise.local.toml',
    '.mise.local.toml',
    '.config/mise.toml',
    '.config/mise/config.toml',
    '.mise/config.toml',
    'mise/config.toml',
];

/**
 * Version pins in the project that a version-manager shim must not be given. A shim turns the pin into a
 * path (pyenv: `$PYENV_ROOT/versions/<pin>/bin/python`) or an action (asdf and mise: `path:` runs what is
 * there, `ref:` builds from source), so a cloned repository pinning `../../tmp/evil` would have the shim run
 * its own program (pyenv's CVE-2022-35861). One issue per bad value; empty when every pin is a plain version.
 */
export async function unsafeVersionPins(files: ProjectFiles, runtime: RuntimeName): Promise<CaptureIssue[]> {
    const issues: CaptureIssue[] = [];
    const add = (file: string, line: number, problem: string): void => {
        issues.push({
            severity: 'warning',
            message: `${file}:${line} ${problem}. Parity did not run ${runtime} through a version manager, so the installed ${runtime} is unknown.`,
            at: { file, line },
        });
    };
    const report = (file: string, line: number, value: string, reason: string): void =>
        add(file, line, `pins ${runtime} to ${quoted(value)}, which ${reason}`);
    const rootEntries = new Map((await files.list('.')).map((entry) => [entry.name, entry.kind]));
    const read = async (path: string): Promise<string | null> => {
        const file = await files.readText(path);
        if (!file && rootEntries.has(path)) {
            // There, but refused (a link out of the project, a FIFO, too large): the shim would read it anyway.
            add(
                path,
                1,
                'could not be read safely (see the issue about the file itself), yet a version manager would read it',
            );
        }
        return file?.text ?? null;
    };

    // pyenv reads every word of every line (several versions may be active at once); the others use the first.
    const versionFile = VERSION_FILES[runtime];
    const versionText = await read(versionFile);
    for (const [index, raw] of (versionText ?? '').split(/\r?\n/).entries()) {
        for (const word of raw.replace(/#.*$/, '').split(/\s+/).filter(Boolean)) {
            const reason = unsafeVersionReason(word);
            if (reason) {
                report(versionFile, index + 1, word, reason);
            }
        }
    }

    const toolVersions = await read('.tool-versions');
    for (const [index, raw] of (toolVersions ?? '').split(/\r?\n/).entries()) {
        const [tool, ...versions] = raw.replace(/#.*$/, '').trim().split(/\s+/);
        if (tool && TOOL_NAMES[runtime].includes(tool)) {
            for (const version of versions) {
                const reason = unsafeVersionReason(version);
                if (reason) {
                    report('.tool-versions', index + 1, version, reason);
                }
            }
        }
    }

    for (const path of MISE_FILES) {
        const text = await read(path);
        if (text === null) {
            continue;
        }
        let tools: unknown;
        try {
            tools = parseToml(text).tools;
        } catch {
            // Invalid TOML is reported by the pin reader, and mise refuses to use the file.
            continue;
        }
        if (typeof tools !== 'object' || tools === null) {
            continue;
        }
        for (const [tool, value] of Object.entries(tools as Record<string, unknown>)) {
            if (!TOOL_NAMES[runtime].includes(tool)) {
                continue;
            }
            for (const version of miseVersions(value)) {
                const reason = unsafeVersionReason(version);
                if (reason) {
                    report(path, lineOfKey(text, tool), version, reason);
                }
            }
        }
    }
    return issues;
}

/**
 * Why a pinned version is not a plain version token, or null when it is one. Plain: letters, digits and
 * `. _ + ~ : @ * -` (3.12.1, lts, miniconda3-latest, pypy3.10-7.3.12, prefix:3.12, 21.0.2+13), not starting
 * with `-`; nodenv's and mise's `lts/<name>` aliases are the one allowed slash.
 */
export function unsafeVersionReason(version: string): string | null {
    if (version.includes('\0')) {
        return 'contains a NUL byte';
    }
    if (/^(path|ref):/i.test(version)) {
        return `is a ${version.split(':')[0] ?? ''}: version, which makes asdf or mise run or build whatever it names`;
    }
    if (version.includes('..')) {
        return 'contains "..", which would lead a version manager out of its versions folder';
    }
    if (version.startsWith('-')) {
        return 'starts with "-", which a version manager would take for an option';
    }
    if (/^lts\/(\*|[A-Za-z]+)$/i.test(version)) {
        return null;
    }
    if (/[\\/]/.test(version)) {
        return 'contains a path separator, which a version manager would follow as a path';
    }
    return /^[A-Za-z0-9][A-Za-z0-9._+~:@*-]*$/.test(version) ? null : 'is not a plain version';
}

/** mise accepts a version, a list of versions, or a table (or list of tables) with a `version` key. */
function miseVersions(value: unknown): string[] {
    const one = (item: unknown): string[] =>
        typeof item === 'string'
            ? [item]
            : typeof item === 'object' && item !== null && typeof (item as { version?: unknown }).version === 'string'
              ? [(item as { version: string }).version]
              : [];
    return Array.isArray(value) ? value.flatMap(one) : one(value);
}

/** A value as written, quoted and cut short, so a hostile pin cannot flood the message. */
function quoted(value: string): string {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
