import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { validSnapshot } from '../unit/core/snapshot/validSnapshot';
import { startTestServer, type TestServer } from './lspHarness';

/** A project with a native dependency (bcrypt), node 20.11.1 here; node 22.3.0 and LANG=de_DE.UTF-8 on the target. */
const local: Snapshot = {
    ...validSnapshot,
    nativeDependencies: [
        {
            name: 'bcrypt',
            ecosystem: 'node',
            reason: 'known native package',
            needs: ['python3', 'make', 'g++'],
            declaredAt: { file: 'package.json', line: 5 },
        },
    ],
};
const target: Snapshot = {
    ...validSnapshot,
    meta: { ...validSnapshot.meta, source: { kind: 'container', ref: 'prod-web' } },
    runtimes: { node: { declared: [], installed: { version: '22.3.0', path: null, manager: 'image' } } },
    locale: { vars: { LANG: 'de_DE.UTF-8', LC_ALL: null }, effective: 'de_DE.UTF-8', encoding: 'UTF-8' },
    user: { uid: 10001, gid: 10001, name: 'app', home: '/app' },
};

const find = (diagnostics: readonly Diagnostic[], code: string): Diagnostic => {
    const found = diagnostics.find((diagnostic) => diagnostic.code === code);
    assert.ok(found, `no ${code} among ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code))}`);
    return found;
};

function applyTo(action: CodeAction | undefined, uri: string, text: string): string {
    assert.ok(action, 'no such code action');
    const edits = (action.edit?.documentChanges ?? [])
        .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
        .flatMap((change) => change.edits as TextEdit[]);
    return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

/** The Dockerfile checks the other LSP tests leave out: the native-dependency error, LANG, the target's pin and USER's hover. */
describe('Dockerfile checks against a project with native dependencies and a target', () => {
    let server: TestServer;
    before(async () => {
        server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(join(root, '.parity', 'local.snapshot.json'), JSON.stringify(local));
            writeFileSync(join(root, '.dockerignore'), 'node_modules\n.git\n.env*\n');
        });
        await server.client.sendNotification('parity/snapshot', { role: 'target', snapshot: target });
    });
    after(() => server.dispose());

    const text =
        'FROM node:18-alpine\nENV LANG=C.UTF-8\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

    let diagnostics: Diagnostic[] = [];
    it('an alpine (musl) base is an error when the project has native dependencies, and names them', async () => {
        ({ diagnostics } = await server.open('Dockerfile', text));
        const libc = find(diagnostics, 'parity.base-libc');
        assert.equal(libc.severity, 1);
        assert.match(JSON.stringify(libc.message), /native dependencies \(bcrypt\)/);
    });

    it('the base runtime against both sides, with a fix to pin either', async () => {
        const uri = server.uri('Dockerfile');
        const runtime = find(diagnostics, 'parity.base-runtime');
        assert.match(JSON.stringify(runtime.message), /node 20\.11\.1 runs here and node 22\.3\.0 runs on the target/);
        const actions = await server.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: runtime.range,
            context: { diagnostics: [runtime] },
        });
        assert.equal(
            applyTo(
                actions.find((action) => /on the target/.test(action.title)),
                uri,
                text,
            ).split('\n')[0],
            'FROM node:22.3.0-alpine',
        );
    });

    it("ENV LANG against the target, with a fix that sets the target's value", async () => {
        const uri = server.uri('lang/Dockerfile');
        const { diagnostics } = await server.open('lang/Dockerfile', text);
        const lang = diagnostics.find(
            (diagnostic) => diagnostic.code === 'parity.env-target' && /LANG/.test(JSON.stringify(diagnostic.message)),
        );
        assert.ok(lang, JSON.stringify(diagnostics));
        assert.equal(lang.range.start.line, 1);
        assert.match(JSON.stringify(lang.message), /LANG=de_DE\.UTF-8/);
        const actions = await server.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: lang.range,
            context: { diagnostics: [lang] },
        });
        assert.equal(applyTo(actions[0], uri, text).split('\n')[1], 'ENV LANG=de_DE.UTF-8');
    });

    it('hover on USER shows the user here and on the target', async () => {
        const hover = await server.client.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri: server.uri('lang/Dockerfile') },
            position: { line: 4, character: 6 },
        });
        const contents = JSON.stringify(hover?.contents);
        assert.match(contents, /dev \(uid 1000\)/);
        assert.match(contents, /app \(uid 10001\)/);
    });
});
