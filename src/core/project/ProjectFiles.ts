import type { CaptureIssue } from '../snapshot/Snapshot';

export interface TextFile {
    /** Relative path with forward slashes, as used in SourceRef.file. */
    readonly path: string;
    readonly text: string;
}

export interface DirEntry {
    readonly name: string;
    readonly kind: 'file' | 'dir' | 'symlink' | 'other';
}

/**
 * Read-only access to a project's files, relative to its root. Detectors see only this, so they stay pure:
 * tests give them real fixture folders, and nothing they do can write or escape the project.
 * Problems (unreadable, not UTF-8, too large) are reported through `issues`, never thrown.
 */
export interface ProjectFiles {
    readonly root: string;
    /** The file's text, or null when it does not exist or cannot be read (the latter also adds an issue). */
    readText(path: string): Promise<TextFile | null>;
    /** Entries of a folder, sorted by name; empty when it does not exist or cannot be read. */
    list(dir: string): Promise<readonly DirEntry[]>;
    exists(path: string): Promise<boolean>;
    readonly issues: IssueSink;
}

/** Collects capture issues for one run; owned by that run, never shared. */
export class IssueSink {
    private readonly items: CaptureIssue[] = [];

    add(issue: CaptureIssue): void {
        if (
            !this.items.some(
                (known) =>
                    known.message === issue.message &&
                    known.at?.file === issue.at?.file &&
                    known.at?.line === issue.at?.line,
            )
        ) {
            this.items.push(issue);
        }
    }

    get all(): readonly CaptureIssue[] {
        return this.items;
    }
}

/** Joins relative project paths with forward slashes, dropping "." segments. */
export function joinPath(...parts: string[]): string {
    return (
        parts
            .flatMap((part) => part.split('/'))
            .filter((segment) => segment !== '' && segment !== '.')
            .join('/') || '.'
    );
}
