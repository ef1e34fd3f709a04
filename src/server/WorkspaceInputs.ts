import { dirname, join } from 'node:path';
import { parseDiffConfig } from '../core/diff/parseDiffConfig';
import type { DiffReport } from '../core/diff/DiffReport';
import type { DiffRules } from '../core/diff/DiffRules';
import { CONFIG_FILE, LAST_DIFF_FILE, LOCAL_SNAPSHOT_FILE } from '../core/lsp/parityProtocol';
import { type BoundedRead, readBoundedFileSync } from '../core/readBoundedFile';
import { parseSnapshot } from '../core/snapshot/parseSnapshot';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { validateSnapshot } from '../core/snapshot/validateSnapshot';

/** Snapshots with 20,000 packages are a few MB; anything far larger is not one Parity wrote. */
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;
const MAX_SMALL_FILE_BYTES = 1024 * 1024;

export type Log = (level: 'info' | 'warning' | 'error', message: string) => void;

/**
 * What the checks compare with: the local and target snapshots and the last diff, as the client sent them
 * or, until it does, as saved in the workspace's `.parity/` folder. Every read is bounded and confined to
 * the workspace. `generation` grows with every change, so work started before it can tell it is stale.
 */
export class WorkspaceInputs {
    local: Snapshot | undefined;
    target: Snapshot | undefined;
    report: DiffReport | undefined;
    rules: Pick<DiffRules, 'severity' | 'ignore'> = { severity: {}, ignore: [] };
    /** Why the saved local snapshot could not be used, for the one diagnostic that says so. */
    localProblem: string | undefined;
    generation = 0;
    private sentLocal = false;
    private sentReport = false;

    /**
     * `root` is the project folder; `workspace`, the workspace folder it is in, bounds every read: even if a
     * project folder is (or later becomes) a link, nothing outside the workspace is read through it.
     */
    constructor(
        readonly root: string | undefined,
        private readonly log: Log,
        private readonly workspace: string | undefined = root,
    ) {}

    /** (Re)reads the saved files the client has not superseded. */
    reload(): void {
        this.generation++;
        if (this.root === undefined) {
            return;
        }
        if (!this.sentLocal) {
            this.localProblem = undefined;
            this.local = this.readJson(
                LOCAL_SNAPSHOT_FILE,
                MAX_SNAPSHOT_BYTES,
                (text) => parseSnapshot(text, LOCAL_SNAPSHOT_FILE),
                (message) => {
                    this.localProblem = message;
                },
            );
        }
        if (!this.sentReport) {
            this.report = this.readJson(
                LAST_DIFF_FILE,
                MAX_SNAPSHOT_BYTES,
                (text) => readReport(text),
                () => undefined,
            );
        }
        this.rules = this.readJson(
            CONFIG_FILE,
            MAX_SMALL_FILE_BYTES,
            (text) => {
                const rules = parseDiffConfig(text, CONFIG_FILE);
                return { severity: rules.severity ?? {}, ignore: rules.ignore ?? [] };
            },
            () => undefined,
        ) ?? { severity: {}, ignore: [] };
    }

    setSnapshot(role: 'local' | 'target', value: unknown): void {
        this.generation++;
        const snapshot = value === null ? undefined : validateSnapshot(value, `The ${role} snapshot the client sent`);
        if (role === 'local') {
            this.sentLocal = snapshot !== undefined;
            this.local = snapshot;
            this.localProblem = undefined;
            if (!snapshot) {
                this.reload();
            }
        } else {
            this.target = snapshot;
        }
    }

    setReport(report: DiffReport | null): void {
        this.generation++;
        this.sentReport = report !== null;
        this.report = report ?? undefined;
        if (!report) {
            this.reload();
        }
    }

    /** A small project file beside `fromFile` (e.g. `.dockerignore` next to a Dockerfile): null when missing, undefined when unreadable. */
    readBeside(fromFile: string, name: string): string | null | undefined {
        if (this.root === undefined) {
            return undefined;
        }
        const read = readBoundedFileSync(join(dirname(fromFile), name), {
            maxBytes: MAX_SMALL_FILE_BYTES,
            within: this.workspace ?? this.root,
        });
        return read.kind === 'ok' ? read.bytes.toString('utf8') : read.kind === 'missing' ? null : undefined;
    }

    /** A workspace file's text (bounded, confined), or null when it does not exist; undefined when it cannot be read. */
    readText(relative: string): string | null | undefined {
        if (this.root === undefined) {
            return undefined;
        }
        const read = readBoundedFileSync(join(this.root, relative), {
            maxBytes: MAX_SMALL_FILE_BYTES,
            within: this.workspace ?? this.root,
        });
        return read.kind === 'ok' ? read.bytes.toString('utf8') : read.kind === 'missing' ? null : undefined;
    }

    private readJson<T>(
        relative: string,
        maxBytes: number,
        parse: (text: string) => T,
        onProblem: (message: string) => void,
    ): T | undefined {
        const root = this.root ?? '';
        const read = readBoundedFileSync(join(root, relative), { maxBytes, within: this.workspace ?? root });
        if (read.kind === 'missing') {
            return undefined;
        }
        if (read.kind !== 'ok') {
            const message = `${relative} cannot be read: ${unreadable(read, maxBytes)}.`;
            this.log('warning', message);
            onProblem(message);
            return undefined;
        }
        try {
            return parse(read.bytes.toString('utf8'));
        } catch (error) {
            const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
            this.log('warning', `${relative}: ${message}`);
            onProblem(message);
            return undefined;
        }
    }
}

/** Why a project file was not read, in words a person can act on. */
function unreadable(read: Exclude<BoundedRead, { kind: 'ok' | 'missing' }>, maxBytes: number): string {
    switch (read.kind) {
        case 'outside':
            return 'it is a link that leads out of the project, and Parity does not follow those';
        case 'not-a-file':
            return 'it is not a regular file';
        case 'too-large':
            return `it is ${megabytes(read.size)}, more than the ${megabytes(maxBytes)} a file Parity wrote can be`;
        case 'error':
            return read.code;
    }
}

function megabytes(bytes: number): string {
    return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}

/** The saved report is a file like any other: only its findings' shape is relied on. */
function readReport(text: string): DiffReport {
    const value = JSON.parse(text) as Partial<DiffReport> | null;
    if (!value || typeof value !== 'object' || !Array.isArray(value.findings)) {
        throw new Error('is not a Parity diff report (no findings list)');
    }
    // Findings are checked one by one, so one malformed entry drops only itself.
    return { ...(value as DiffReport), findings: value.findings.filter(isFinding) };
}

function isFinding(value: unknown): value is DiffReport['findings'][number] {
    const finding = value as Partial<DiffReport['findings'][number]> | null;
    return (
        typeof finding === 'object' &&
        finding !== null &&
        typeof finding.message === 'string' &&
        typeof finding.rule === 'string' &&
        typeof finding.facet === 'string' &&
        typeof finding.key === 'string' &&
        ['error', 'warning', 'info'].includes(finding.severity ?? '') &&
        (finding.fix === undefined ||
            (Array.isArray(finding.fix) &&
                finding.fix.every((fix: unknown) => {
                    const at = (fix as { at?: { file?: unknown; line?: unknown } } | null)?.at;
                    return (
                        typeof at?.file === 'string' &&
                        Number.isInteger(at.line) &&
                        typeof (fix as { description?: unknown }).description === 'string'
                    );
                })))
    );
}
