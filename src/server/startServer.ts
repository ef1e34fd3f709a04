import { type Connection, DiagnosticSeverity, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findUnpinnedBaseImages } from '../core/dockerfile/findUnpinnedBaseImages';

/**
 * The Parity language server on any connection (IPC in VS Code, in-memory streams in tests).
 * Today it reports floating base images; environment mismatches join as the diff lands.
 */
export function startServer(connection: Connection): void {
    const documents = new TextDocuments(TextDocument);

    connection.onInitialize(() => ({
        capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
        serverInfo: { name: 'parity' },
    }));

    const validate = (document: TextDocument): void => {
        const diagnostics = findUnpinnedBaseImages(document.getText()).map(({ from, message }) => ({
            range: { start: { line: from.line, character: from.start }, end: { line: from.line, character: from.end } },
            severity: DiagnosticSeverity.Warning,
            source: 'parity',
            code: 'unpinned-base-image',
            message,
        }));
        void connection.sendDiagnostics({ uri: document.uri, diagnostics });
    };

    documents.onDidChangeContent((event) => validate(event.document));
    documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
    documents.listen(connection);
    connection.listen();
}
