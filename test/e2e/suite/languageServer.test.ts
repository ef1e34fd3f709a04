// The Parity language server in the real VS Code: opening a Dockerfile starts it, its diagnostics reach
// Problems, a new snapshot reaches it through the file watcher, and a quick fix it offers changes the text;
// a server that dies is started again, said in the log, and its diagnostics come back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exampleInWorkspace } from './exampleInWorkspace';

async function parityDiagnostics(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const found = vscode.languages
            .getDiagnostics(uri)
            .filter(
                (diagnostic) =>
                    diagnostic.source?.toLowerCase() === 'parity' &&
                    String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === code,
            );
        if (found.length > 0) {
            return found;
        }
        assert.ok(
            Date.now() < deadline,
            `no "${code}" diagnostic from the Parity language server on ${uri.fsPath} within 30 s; it has: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((diagnostic) => [diagnostic.source, diagnostic.code, diagnostic.message]))}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

/** The language server processes the extension host started (vscode-languageclient forks dist/server.js). */
function serverProcesses(): number[] {
    return fs
        .readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
            try {
                const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
                const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
                return (
                    parent === process.pid &&
                    fs
                        .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
                        .split('\0')
                        .some((arg) => arg.endsWith(`${path.sep}dist${path.sep}server.js`))
                );
            } catch {
                return false;
            }
        })
        .map(Number);
}

async function eventually<T>(what: string, probe: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const found = probe();
        if (found !== undefined) {
            return found;
        }
        assert.ok(Date.now() < deadline, `${what} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

/**
 * The Parity log as written to disk. runExtensionTests puts the user data folder (whose logs/ holds it) beside
 * the workspace folder; when that changes, this says so instead of passing.
 */
function parityLog(): string {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace, 'the e2e window has a workspace folder');
    const logs = path.join(path.dirname(workspace), 'user-data', 'logs');
    assert.ok(
        fs.existsSync(logs),
        `no VS Code logs at ${logs} (see test/e2e/runExtensionTests.ts for where the user data folder goes)`,
    );
    return fs
        .readdirSync(logs, { recursive: true, encoding: 'utf8' })
        .filter((file) => /(?:^|[\\/])(?:\d+-)?Parity\.log$/.test(file))
        .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'))
        .join('\n');
}

describe('the Parity language server', () => {
    it('puts its Dockerfile checks in Problems, picks up a new snapshot, and its quick fix edits the line', async () => {
        const folder = exampleInWorkspace('hello-node', 'lsp-dockerfile');
        const file = path.join(folder.fsPath, 'Dockerfile');
        fs.writeFileSync(file, 'FROM node\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        await vscode.window.showTextDocument(document);

        const [unpinned] = await parityDiagnostics(document.uri, 'unpinned-base-image');
        assert.equal(unpinned?.range.start.line, 0);
        await parityDiagnostics(document.uri, 'parity.no-snapshot');
        // The snapshot Parity writes is the server's input: it sees the new file and runs the checks that need it.
        await vscode.commands.executeCommand('parity.snapshot.capture', folder);
        const [root] = await parityDiagnostics(document.uri, 'parity.user-root');
        assert.ok(root);

        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            root.range,
            vscode.CodeActionKind.QuickFix.value,
        );
        const addUser = actions.find((action) => /^Add USER /.test(action.title));
        assert.ok(
            addUser?.edit,
            `a quick fix adds USER; offered: ${actions.map((action) => action.title).join(' | ')}`,
        );
        assert.ok(await vscode.workspace.applyEdit(addUser.edit));
        const user = /^USER [a-z]+$/m.exec(document.getText());
        assert.ok(user && user[0] !== 'USER root', document.getText());
        assert.ok(user.index < document.getText().indexOf('CMD'), 'USER goes before the start command');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('is started again when it dies, says so in the log, and its diagnostics come back', async () => {
        const folder = exampleInWorkspace('hello-node', 'lsp-crash');
        const file = path.join(folder.fsPath, 'Dockerfile');
        fs.writeFileSync(file, 'FROM node\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        const editor = await vscode.window.showTextDocument(document);
        await parityDiagnostics(document.uri, 'unpinned-base-image');
        const first = await eventually(
            'a Parity language server process started by this extension host',
            () => serverProcesses()[0],
        );

        process.kill(first, 'SIGKILL');
        const second = await eventually('a new language server process after the first was killed', () =>
            serverProcesses().find((pid) => pid !== first),
        );
        assert.notEqual(second, first);
        // A diagnostic the killed server never computed: only the new server can have put it there.
        assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'COPY .env ./\n')));
        const [secret] = await parityDiagnostics(document.uri, 'parity.copy-secret');
        assert.equal(secret?.range.start.line, 2);
        await eventually('"The Parity language server stopped; starting it again." in the Parity log', () =>
            /The Parity language server stopped; starting it again\./.test(parityLog()) ? true : undefined,
        );
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});
