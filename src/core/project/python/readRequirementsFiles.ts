import type { ProjectFiles } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import { normalizeSpecifier } from './pep440Range';
import { parsePep508 } from './parsePep508';
import { canonicalName, type PythonRequirement } from './PythonRequirement';

export interface RequirementsFiles {
    /** The files read, requirements.txt first. */
    readonly files: readonly string[];
    readonly requirements: readonly PythonRequirement[];
    /** Packages pip is told to build from source (`--no-binary`); ":all:" for every package. */
    readonly noBinary: ReadonlySet<string>;
    /** Files whose every requirement is pinned with "==" (pip-compile output and the like): pip's lockfiles. */
    readonly pinnedFiles: readonly string[];
}

/** The pip requirement files pip users keep: requirements*.txt at the root and requirements/*.txt. */
export function requirementsFilePaths(walk: ProjectWalk): string[] {
    const found = walk.files.filter(
        (path) => /^requirements[^/]*\.txt$/.test(path) || /^requirements\/[^/]+\.txt$/.test(path),
    );
    return found.sort((a, b) =>
        a === 'requirements.txt' ? -1 : b === 'requirements.txt' ? 1 : a < b ? -1 : a > b ? 1 : 0,
    );
}

export async function readRequirementsFiles(files: ProjectFiles, walk: ProjectWalk): Promise<RequirementsFiles> {
    const read: string[] = [];
    const requirements: PythonRequirement[] = [];
    const noBinary = new Set<string>();
    const pinnedFiles: string[] = [];
    for (const path of requirementsFilePaths(walk)) {
        const file = await files.readText(path);
        if (!file) {
            continue;
        }
        read.push(file.path);
        let pinned = 0;
        let unpinned = 0;
        for (const { text, line } of logicalLines(file.text)) {
            const option = /^--no-binary(?:=|\s+)(\S+)/.exec(text);
            if (option?.[1]) {
                option[1].split(',').forEach((name) => noBinary.add(name === ':all:' ? name : canonicalName(name)));
                continue;
            }
            if (text.startsWith('-') || /^(?:\.{1,2}\/|\/|[a-z+]+:\/\/|git\+)/i.test(text)) {
                continue;
            }
            // Per-requirement options (--hash=…, --config-settings …) follow the requirement itself.
            const trailingOption = /\s--?[A-Za-z]/.exec(text);
            const parsed = parsePep508(trailingOption ? text.slice(0, trailingOption.index) : text);
            if (!parsed) {
                files.issues.add({
                    severity: 'warning',
                    message: `${file.path}: "${text}" is not a requirement pip understands; it was skipped.`,
                    at: { file: file.path, line },
                });
                continue;
            }
            let specifier = parsed.specifier;
            if (specifier !== '' && normalizeSpecifier(specifier) === null) {
                files.issues.add({
                    severity: 'warning',
                    message: `${file.path}: "${specifier}" (for ${parsed.name}) is not a valid PEP 440 specifier; pip will refuse this line.`,
                    at: { file: file.path, line },
                });
                specifier = '';
            }
            if (/^===?[^,*]+$/.test(specifier) || parsed.url !== null) {
                pinned += 1;
            } else {
                unpinned += 1;
            }
            requirements.push({
                name: canonicalName(parsed.name),
                extras: parsed.extras,
                specifier,
                source: file.path,
                at: { file: file.path, line },
            });
        }
        if (pinned > 0 && unpinned === 0) {
            pinnedFiles.push(file.path);
        }
    }
    return { files: read, requirements, noBinary, pinnedFiles };
}

/** Lines with comments removed and backslash continuations joined, each with the line it starts on. */
function logicalLines(text: string): { text: string; line: number }[] {
    const result: { text: string; line: number }[] = [];
    let pending = '';
    let start = 0;
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const withoutComment = raw.replace(/(^|\s)#.*$/, '');
        if (pending === '') {
            start = index + 1;
        }
        if (withoutComment.endsWith('\\')) {
            pending += `${withoutComment.slice(0, -1)} `;
            continue;
        }
        const joined = (pending + withoutComment).trim();
        pending = '';
        if (joined !== '') {
            result.push({ text: joined, line: start });
        }
    }
    if (pending.trim() !== '') {
        result.push({ text: pending.trim(), line: start });
    }
    return result;
}
