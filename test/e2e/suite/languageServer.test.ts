// The Parity language server in the real VS Code: opening a Dockerfile starts it, its diagnostics reach
// Problems, a new snapshot reaches it through the file watcher, and a quick fix it offers changes the text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exampleInWorkspace } from './exampleInWorkspace';

async function parityDiagnostics(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source?.toLowerCase() === 'parity' && String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === code);
        if (found.length > 0) {
            return found;
        }
        assert.ok(Date.now() < deadline, `no "${code}" diagnostic from the Parity language server on ${uri.fsPath} within 30 s; it has: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((diagnostic) => [diagnostic.source, diagnostic.code, diagnostic.message]))}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
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

        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, root.range, vscode.CodeActionKind.QuickFix.value);
        const addUser = actions.find((action) => /^Add USER /.test(action.title));
        assert.ok(addUser?.edit, `a quick fix adds USER; offered: ${actions.map((action) => action.title).join(' | ')}`);
        assert.ok(await vscode.workspace.applyEdit(addUser.edit));
        const user = /^USER [a-z]+$/m.exec(document.getText());
        assert.ok(user && user[0] !== 'USER root', document.getText());
        assert.ok(user.index < document.getText().indexOf('CMD'), 'USER goes before the start command');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});
