import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyProjectRules } from '../core/dockerfile/applyProjectRules';
import { checkDockerfile, NO_SNAPSHOT_MESSAGE } from '../core/dockerfile/checkDockerfile';
import type { DockerfileCheckContext } from '../core/dockerfile/DockerfileCheckContext';
import { readDockerfileModel } from '../core/dockerfile/DockerfileModel';
import type { DocumentProblem } from '../core/dockerfile/DockerfileProblem';
import { checkPinFile } from '../core/lsp/checkPinFile';
import { isPinFile, pinFileDeclarations } from '../core/lsp/pinFileDeclarations';
import type { RuntimeDeclaration, RuntimeName } from '../core/snapshot/Snapshot';
import type { WorkspaceInputs } from './WorkspaceInputs';

/** Larger than any real Dockerfile or pin file: such a file is reported, not parsed. */
const MAX_TEXT = 2 * 1024 * 1024;

export type DocumentKind = 'dockerfile' | 'pin' | 'other';

/** Everything the server derived from one version of a document; hovers and code actions reuse it. */
export interface DocumentAnalysis {
    readonly kind: DocumentKind;
    readonly path: string;
    readonly problems: readonly DocumentProblem[];
    readonly context?: DockerfileCheckContext;
    readonly declared?: Readonly<Partial<Record<RuntimeName, readonly RuntimeDeclaration[]>>>;
}

export function documentKind(uri: string, languageId: string): DocumentKind {
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    if (
        languageId === 'dockerfile' ||
        /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:Dockerfile|Containerfile)$/i.test(name)
    ) {
        return 'dockerfile';
    }
    return isPinFile(name) ? 'pin' : 'other';
}

/** The document's path relative to the workspace, forward slashes, as findings name files. */
export function projectPath(uri: string, root: string | undefined): string {
    if (!uri.startsWith('file:')) {
        return uri.slice(uri.lastIndexOf('/') + 1);
    }
    const path = fileURLToPath(uri);
    const rel = root === undefined ? path.slice(path.lastIndexOf(sep) + 1) : relative(root, path);
    return rel.split(sep).join('/');
}

/** Runs Parity's checks on one document against the current inputs. Bad text is a problem on line 1, never an exception. */
export async function analyzeDocument(
    uri: string,
    languageId: string,
    text: string,
    inputs: WorkspaceInputs,
): Promise<DocumentAnalysis> {
    const kind = documentKind(uri, languageId);
    const path = projectPath(uri, inputs.root);
    if (kind === 'other') {
        return { kind, path, problems: [] };
    }
    const unreadable =
        text.length > MAX_TEXT
            ? `This file is ${Math.round(text.length / 1024)} KiB: too large for Parity to check.`
            : text.includes('\u0000')
              ? 'This file is binary, not text: Parity does not check it.'
              : undefined;
    if (unreadable) {
        return {
            kind,
            path,
            problems: [
                {
                    code: 'parity.unreadable',
                    severity: 'info',
                    facet: 'dockerfile',
                    key: 'unreadable',
                    message: unreadable,
                    fixes: [],
                    span: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                },
            ],
        };
    }
    const findings = inputs.report?.findings ?? [];
    if (kind === 'pin') {
        const declared = await pinFileDeclarations(path, text);
        const problems = checkPinFile({
            path,
            text,
            declared,
            ...(inputs.local ? { local: inputs.local } : {}),
            ...(inputs.target ? { target: inputs.target } : {}),
            findings,
        });
        return { kind, path, problems: applyProjectRules(problems, inputs.rules), declared };
    }
    const context: DockerfileCheckContext = {
        text,
        model: readDockerfileModel(text),
        path,
        findings,
        ...(inputs.local ? { local: inputs.local } : {}),
        ...(inputs.target ? { target: inputs.target } : {}),
        ...(uri.startsWith('file:') ? { dockerignore: inputs.readBeside(fileURLToPath(uri), '.dockerignore') } : {}),
    };
    const problems = applyProjectRules(checkDockerfile(context), inputs.rules).map((problem) =>
        problem.code === 'parity.no-snapshot' && inputs.localProblem
            ? {
                  ...problem,
                  message: `The saved local snapshot cannot be used: ${inputs.localProblem} ${NO_SNAPSHOT_MESSAGE}`,
              }
            : problem,
    );
    return { kind, path, problems, context };
}
