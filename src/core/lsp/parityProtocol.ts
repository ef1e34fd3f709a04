import type { DiffReport } from '../diff/DiffReport';
import type { Snapshot } from '../snapshot/Snapshot';

/**
 * The custom messages between the Parity extension and its language server, shared by both without
 * importing either LSP library: the client wraps a method in `new NotificationType<Params>(method)`, the
 * server passes it to `connection.onNotification`. Methods are `parity/<name>`.
 */

/** Client → server: the developer's snapshot (`role: 'local'`) or the chosen target's; null forgets it. */
export const PARITY_SNAPSHOT = 'parity/snapshot';
export interface ParitySnapshotParams {
    readonly role: 'local' | 'target';
    readonly snapshot: Snapshot | null;
    /** The project folder (a file URI) it stands for; absent: every project of the workspace. */
    readonly projectRoot?: string;
}

/** Client → server: the last diff's report (as `parity diff --format json` writes it); null forgets it. */
export const PARITY_FINDINGS = 'parity/findings';
export interface ParityFindingsParams {
    readonly report: DiffReport | null;
}

/** Server → client: one line for the Parity log channel (a snapshot file it could not read, a crash it survived). */
export const PARITY_LOG = 'parity/log';
export interface ParityLogParams {
    readonly level: 'info' | 'warning' | 'error';
    readonly message: string;
}

/** Files the server checks, as LSP document filters (pin files have no language id of their own). */
export const PARITY_DOCUMENT_SELECTOR = [
    { scheme: 'file', language: 'dockerfile' },
    {
        scheme: 'file',
        pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}',
    },
    {
        scheme: 'file',
        pattern: '**/{.nvmrc,.node-version,package.json,.python-version,pyproject.toml,go.mod,.tool-versions}',
    },
] as const;

/** Where the server looks when the client has sent nothing, relative to the workspace folder. */
export const LOCAL_SNAPSHOT_FILE = '.parity/local.snapshot.json';
export const LAST_DIFF_FILE = '.parity/last-diff.json';
export const CONFIG_FILE = '.parity/config.json';

/** The diagnostic codes of a pin file's mismatches: with what runs here (local) and on the diff's target. */
export const PIN_CODES = { local: 'parity.pin-local', target: 'parity.pin-target' } as const;
