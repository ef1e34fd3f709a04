import { fileURLToPath } from 'node:url';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { validate as validateSyntax } from 'dockerfile-utils';
import { inBaseImageTag } from '../core/dockerfile/inBaseImageTag';
import {
    type CodeAction,
    type Connection,
    type Diagnostic,
    type Hover,
    MarkupKind,
    TextDocuments,
    TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { contains, dockerfileHover } from '../core/dockerfile/dockerfileHover';
import {
    PARITY_FINDINGS,
    PARITY_LOG,
    PARITY_SNAPSHOT,
    type ParityFindingsParams,
    type ParityLogParams,
    type ParitySnapshotParams,
} from '../core/lsp/parityProtocol';
import { pinFileHover } from '../core/lsp/pinFileHover';
import { analyzeDocument, type DocumentAnalysis, documentKind } from './analyzeDocument';
import { problemActions, toDiagnostic } from './problemActions';
import { ProjectInputs } from './ProjectInputs';
import type { WorkspaceInputs } from './WorkspaceInputs';

export interface ServerOptions {
    /** How long edits must pause before a document is checked again; tests and benchmarks use 0. */
    readonly debounceMs?: number;
}

/**
 * The Parity language server on any connection (IPC in VS Code, stdio for other editors, in-memory streams
 * in tests): dockerfile-language-service for completion, hover docs, formatting and syntax, Parity's checks
 * from core on top. Stale work is dropped: each check remembers the document version and the inputs'
 * generation it started from and publishes only if neither moved.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
    const documents = new TextDocuments(TextDocument);
    // Completion, hover docs and formatting load dockerfile-language-service (its own bundle) on first use:
    // diagnostics need only dockerfile-utils, and a server that only checks starts faster and smaller.
    // When it cannot load (a copy of dist/server.js without its sibling bundle), that is logged once and
    // Parity's own hovers and checks go on without it.
    let service: Promise<DockerfileLanguageService | undefined> | undefined;
    const languageService = (): Promise<DockerfileLanguageService | undefined> =>
        (service ??= import('dockerfile-language-service').then(
            (module) => module.DockerfileLanguageServiceFactory.createLanguageService(),
            (error: unknown) => {
                log(
                    'error',
                    `Completion, hover docs and formatting are off: dockerfile-language-service did not load (${error instanceof Error ? error.message : String(error)}).`,
                );
                return undefined;
            },
        ));
    const analyses = new Map<
        string,
        { version: number; inputs: WorkspaceInputs; generation: number; analysis: DocumentAnalysis }
    >();
    const timers = new Map<string, NodeJS.Timeout>();
    let debounceMs = options.debounceMs ?? 100;
    const log = (level: ParityLogParams['level'], message: string): void => {
        connection.console[level === 'warning' ? 'warn' : level](message);
        void connection.sendNotification(PARITY_LOG, { level, message } satisfies ParityLogParams);
    };
    let projects = new ProjectInputs(undefined, log);

    const analyze = async (document: TextDocument): Promise<DocumentAnalysis> => {
        const inputs = projects.for(document.uri);
        const known = analyses.get(document.uri);
        if (known?.version === document.version && known.inputs === inputs && known.generation === inputs.generation) {
            return known.analysis;
        }
        const generation = inputs.generation;
        const analysis = await analyzeDocument(document.uri, document.languageId, document.getText(), inputs);
        analyses.set(document.uri, { version: document.version, inputs, generation, analysis });
        return analysis;
    };

    const validate = async (uri: string): Promise<void> => {
        const document = documents.get(uri);
        if (!document) {
            return;
        }
        const { version } = document;
        const inputs = projects.for(uri);
        const generation = inputs.generation;
        try {
            const analysis = await analyze(document);
            const syntax: Diagnostic[] =
                analysis.kind === 'dockerfile' &&
                !analysis.problems.some((problem) => problem.code === 'parity.unreadable')
                    ? validateSyntax(document.getText())
                    : [];
            if (
                documents.get(uri)?.version !== version ||
                projects.for(uri) !== inputs ||
                inputs.generation !== generation
            ) {
                return;
            }
            await connection.sendDiagnostics({
                uri,
                version,
                diagnostics: [...syntax, ...analysis.problems.map(toDiagnostic)],
            });
        } catch (error) {
            log(
                'error',
                `Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
        }
    };

    const schedule = (uri: string): void => {
        clearTimeout(timers.get(uri));
        timers.set(
            uri,
            setTimeout(() => {
                timers.delete(uri);
                void validate(uri);
            }, debounceMs),
        );
    };
    const revalidateAll = (): void => documents.all().forEach((document) => schedule(document.uri));

    connection.onInitialize((params) => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
        projects = new ProjectInputs(folder?.startsWith('file:') ? fileURLToPath(folder) : undefined, log);
        const init = params.initializationOptions as { debounceMs?: unknown } | undefined;
        if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) {
            debounceMs = init.debounceMs;
        }
        return {
            capabilities: {
                textDocumentSync: TextDocumentSyncKind.Incremental,
                completionProvider: { triggerCharacters: [' ', '$', '{', ':', '-', '='] },
                hoverProvider: true,
                codeActionProvider: true,
                documentFormattingProvider: true,
            },
            serverInfo: { name: 'parity' },
        };
    });

    connection.onNotification(PARITY_SNAPSHOT, (params: ParitySnapshotParams) => {
        try {
            projects.setSnapshot(params.role, params.snapshot, params.projectRoot);
        } catch (error) {
            log(
                'error',
                `The ${params.role} snapshot was not used: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
        revalidateAll();
    });
    connection.onNotification(PARITY_FINDINGS, (params: ParityFindingsParams) => {
        projects.setReport(params.report);
        revalidateAll();
    });
    connection.onDidChangeWatchedFiles(() => {
        projects.reload();
        revalidateAll();
    });

    connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
        const document = documents.get(textDocument.uri);
        if (!document) {
            return null;
        }
        const analysis = await analyze(document);
        const inputs = projects.for(document.uri);
        const sides = {
            ...(inputs.local ? { local: inputs.local } : {}),
            ...(inputs.target ? { target: inputs.target } : {}),
        };
        const parity = analysis.context
            ? dockerfileHover(analysis.context, position, Date.now())
            : analysis.declared
              ? pinFileHover(document.getText(), position.line, analysis.declared, sides, Date.now())
              : undefined;
        const docs =
            analysis.kind === 'dockerfile' && !analysis.problems.some((problem) => problem.code === 'parity.unreadable')
                ? ((await languageService())?.computeHover(document.getText(), position) ?? null)
                : null;
        const docsText = !docs
            ? ''
            : typeof docs.contents === 'string'
              ? docs.contents
              : 'value' in docs.contents
                ? docs.contents.value
                : '';
        const value = [parity?.markdown, docsText].filter((part) => part).join('\n\n---\n\n');
        return value === ''
            ? null
            : {
                  contents: { kind: MarkupKind.Markdown, value },
                  ...(parity ? { range: parity.span } : docs?.range ? { range: docs.range } : {}),
              };
    });

    connection.onCodeAction(async ({ textDocument, range }): Promise<CodeAction[]> => {
        const document = documents.get(textDocument.uri);
        if (!document) {
            return [];
        }
        const analysis = await analyze(document);
        return analysis.problems
            .filter((problem) => contains(problem.span, range.start) || contains(range, problem.span.start))
            .flatMap((problem) => problemActions(problem, textDocument.uri, projects.for(textDocument.uri)));
    });

    connection.onCompletion(async ({ textDocument, position }) => {
        const document = documents.get(textDocument.uri);
        if (
            !document ||
            documentKind(document.uri, document.languageId) !== 'dockerfile' ||
            inBaseImageTag(document.getText(), position)
        ) {
            return [];
        }
        return (await languageService())?.computeCompletionItems(document.getText(), position) ?? [];
    });
    connection.onDocumentFormatting(async ({ textDocument, options: formatting }) => {
        const document = documents.get(textDocument.uri);
        return document && documentKind(document.uri, document.languageId) === 'dockerfile'
            ? ((await languageService())?.format(document.getText(), formatting) ?? [])
            : [];
    });

    // A newly opened document is checked at once; edits wait for a pause in typing.
    const opened = new Set<string>();
    documents.onDidChangeContent((event) => {
        if (opened.has(event.document.uri)) {
            schedule(event.document.uri);
        } else {
            opened.add(event.document.uri);
            void validate(event.document.uri);
        }
    });
    documents.onDidClose((event) => {
        clearTimeout(timers.get(event.document.uri));
        timers.delete(event.document.uri);
        analyses.delete(event.document.uri);
        opened.delete(event.document.uri);
        void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });
    connection.onShutdown(() => timers.forEach((timer) => clearTimeout(timer)));
    documents.listen(connection);
    connection.listen();
}
