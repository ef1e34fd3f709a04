import * as vscode from 'vscode';
import { LOCAL_SNAPSHOT_FILE } from '../../core/lsp/parityProtocol';
import { summaryFileRefs } from '../../core/snapshot/summaryFileRefs';
import { projectFileUri } from '../diff/projectFileUri';

/** The scheme of snapshot summaries: read-only documents holding `parity snapshot --format text`'s output. */
export const SUMMARY_SCHEME = 'parity-summary';
/** Where Snapshot Environment saves the raw snapshot, relative to the folder. */
export const SNAPSHOT_FILE = LOCAL_SNAPSHOT_FILE;

/**
 * Snapshot summaries as a person reads them (the CLI's text form) instead of ~1,000 lines of JSON: every
 * `file:line` is a link to that pin line in the project, and a CodeLens on the first line (and the editor's
 * title bar) opens the raw JSON. A summary lives as long as its document.
 */
export class SnapshotSummaries
    implements
        vscode.TextDocumentContentProvider,
        vscode.DocumentLinkProvider,
        vscode.CodeLensProvider,
        vscode.Disposable
{
    private readonly shown = new Map<string, { readonly folder: vscode.Uri; readonly text: string }>();
    private readonly subscriptions: vscode.Disposable[];

    constructor() {
        const selector = { scheme: SUMMARY_SCHEME };
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, this),
            vscode.languages.registerDocumentLinkProvider(selector, this),
            vscode.languages.registerCodeLensProvider(selector, this),
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === SUMMARY_SCHEME) {
                    this.shown.delete(document.uri.toString());
                }
            }),
        ];
    }

    /** Opens `text` (formatSnapshotText of the snapshot just saved in `folder`) in an editor. */
    async show(folder: vscode.Uri, text: string): Promise<vscode.Uri> {
        const name = folder.path.split('/').filter(Boolean).pop() ?? 'workspace';
        const uri = vscode.Uri.from({
            scheme: SUMMARY_SCHEME,
            path: `/snapshot of ${name}`,
            query: String(Date.now()),
        });
        this.shown.set(uri.toString(), { folder, text: `${text}\n` });
        await vscode.window.showTextDocument(uri, { preview: false });
        return uri;
    }

    /** The folder a summary was taken in, to open its raw JSON. */
    folderOf(uri: vscode.Uri): vscode.Uri | undefined {
        return this.shown.get(uri.toString())?.folder;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return (
            this.shown.get(uri.toString())?.text ??
            vscode.l10n.t(
                'This summary is gone with the window that made it: run Parity: Snapshot Environment again.\n',
            )
        );
    }

    provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
        const folder = this.folderOf(document.uri);
        if (!folder) {
            return [];
        }
        return summaryFileRefs(document.getText()).flatMap((ref) => {
            const target = projectFileUri(folder, ref.file);
            if (!target) {
                return [];
            }
            const link = new vscode.DocumentLink(
                new vscode.Range(ref.line, ref.start, ref.line, ref.end),
                target.with({ fragment: `L${ref.fileLine}` }),
            );
            link.tooltip = vscode.l10n.t('Open {0} at line {1}', ref.file, ref.fileLine);
            return [link];
        });
    }

    provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
        if (!this.folderOf(document.uri)) {
            return [];
        }
        return [
            new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
                command: 'parity.snapshot.openRaw',
                title: vscode.l10n.t('$(json) Open Raw JSON ({0})', SNAPSHOT_FILE),
                arguments: [document.uri],
            }),
        ];
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.shown.clear();
    }
}
