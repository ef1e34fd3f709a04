// Parity: Snapshot Environment in the real VS Code: the snapshot file, its schema, and Problems entries.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A copy of examples/hello-node inside the test workspace, with an .nvmrc that the installed node breaks. */
function mismatchedProject(): vscode.Uri {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the e2e run opens a workspace folder');
    const folder = path.join(workspace.uri.fsPath, 'hello-node');
    fs.cpSync(path.join(repoRoot, 'examples', 'hello-node'), folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.nvmrc'), '18\n');
    return vscode.Uri.file(folder);
}

function waitForDiagnostics(
    uri: vscode.Uri,
    source: string | undefined,
    predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
    timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const check = (): boolean => {
            const found = vscode.languages
                .getDiagnostics(uri)
                .filter((diagnostic) => source === undefined || diagnostic.source === source);
            if (predicate(found)) {
                subscription.dispose();
                clearTimeout(timer);
                resolve(found);
                return true;
            }
            return false;
        };
        const subscription = vscode.languages.onDidChangeDiagnostics(() => void check());
        const timer = setTimeout(() => {
            subscription.dispose();
            reject(
                new Error(
                    `no ${source ?? ''} diagnostics on ${uri.fsPath} within ${timeoutMs} ms; have: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`,
                ),
            );
        }, timeoutMs);
        check();
    });
}

describe('Parity: Snapshot Environment', () => {
    it('writes .parity/local.snapshot.json, opens its summary (pins linked, the JSON one command away), and puts the pin mismatch in Problems', async () => {
        const folder = mismatchedProject();
        const snapshot = await vscode.commands.executeCommand<
            { schemaVersion: number; runtimes: { node?: { installed: { version: string } | null } } } | undefined
        >('parity.snapshot.capture', folder);
        assert.ok(snapshot, 'the command returned no snapshot — see the Parity log');
        assert.equal(snapshot.schemaVersion, 1);
        // The node the project gets is the one on PATH in its folder, not the editor's own runtime.
        const nodeOnPath = execFileSync('node', ['--version'], { cwd: folder.fsPath, encoding: 'utf8' })
            .trim()
            .replace(/^v/, '');
        assert.equal(snapshot.runtimes.node?.installed?.version, nodeOnPath);

        const file = vscode.Uri.joinPath(folder, '.parity', 'local.snapshot.json');
        const onDisk = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as {
            meta: { source: { kind: string; ref: string } };
        };
        assert.deepEqual(onDisk.meta.source, { kind: 'host', ref: folder.fsPath });
        const summary = vscode.window.activeTextEditor?.document;
        assert.equal(summary?.uri.scheme, 'parity-summary', 'the summary is the active editor');
        assert.match(summary.getText(), /^Snapshot of .* \(host\)/);
        const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
            'vscode.executeLinkProvider',
            summary.uri,
        );
        const nvmrcLink = links.find((link) => summary.getText(link.range) === '.nvmrc:1');
        assert.ok(
            nvmrcLink?.target,
            `a link on .nvmrc:1; links: ${links.map((link) => summary.getText(link.range)).join(', ')}`,
        );
        assert.equal(nvmrcLink.target.with({ fragment: '' }).fsPath, vscode.Uri.joinPath(folder, '.nvmrc').fsPath);
        assert.equal(nvmrcLink.target.fragment, 'L1');
        const raw = await vscode.commands.executeCommand<vscode.Uri | undefined>(
            'parity.snapshot.openRaw',
            summary.uri,
        );
        assert.equal(raw?.fsPath, file.fsPath);
        assert.ok(
            vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === file.fsPath),
            'the raw JSON is open in an editor',
        );

        const nvmrc = vscode.Uri.joinPath(folder, '.nvmrc');
        const [problem] = await waitForDiagnostics(nvmrc, 'parity', (found) => found.length > 0);
        assert.ok(problem);
        assert.equal(problem.range.start.line, 0);
        assert.match(problem.message, /^\.nvmrc asks for node 18 \(18\.x\), but node \d+\.\d+\.\d+ runs here/);
    });

    it('recomputes Findings and Problems when the pin file is fixed and saved, without a new snapshot', async () => {
        const folder = mismatchedProject();
        const snapshot = await vscode.commands.executeCommand<
            { runtimes: { node?: { installed: { version: string } | null } } } | undefined
        >('parity.snapshot.capture', folder);
        const installed = snapshot?.runtimes.node?.installed?.version;
        assert.ok(installed, 'the snapshot found the installed node');
        const nvmrc = vscode.Uri.joinPath(folder, '.nvmrc');
        await waitForDiagnostics(nvmrc, 'parity', (found) =>
            found.some((problem) => /asks for node 18/.test(problem.message)),
        );

        // The user fixes the pin in the editor and saves: no command, the stale "18" goes away.
        const document = await vscode.workspace.openTextDocument(nvmrc);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(nvmrc, new vscode.Range(0, 0, document.lineCount, 0), `${installed.split('.')[0] ?? ''}\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await document.save(), 'the .nvmrc was saved');
        await waitForDiagnostics(nvmrc, 'parity', (found) => found.length === 0);
        const onDisk = JSON.parse(
            fs.readFileSync(path.join(folder.fsPath, '.parity', 'local.snapshot.json'), 'utf8'),
        ) as { runtimes: { node: { declared: { file: string; raw: string }[] } } };
        assert.deepEqual(
            onDisk.runtimes.node.declared
                .filter((declaration) => declaration.file === '.nvmrc')
                .map((declaration) => declaration.raw),
            [installed.split('.')[0]],
        );
    });

    it('VS Code validates snapshot files against the shipped schema', async () => {
        const folder = mismatchedProject();
        const file = path.join(folder.fsPath, '.parity', 'broken.snapshot.json');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '{\n  "schemaVersion": 2\n}\n');
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        await vscode.window.showTextDocument(document);
        // The JSON language service reports schema violations without a source name.
        const problems = await waitForDiagnostics(
            document.uri,
            undefined,
            (found) => found.some((diagnostic) => diagnostic.message === 'Value must be 1.'),
            30_000,
        );
        assert.ok(problems.some((diagnostic) => diagnostic.message === 'Missing property "meta".'));
    });
});
