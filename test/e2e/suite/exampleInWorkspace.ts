import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A fresh copy of examples/EXAMPLE as the folder NAME of the e2e workspace, so tests never touch the repository. */
export function exampleInWorkspace(example: string, name: string): vscode.Uri {
    return copyIntoWorkspace(path.join(repoRoot, 'examples', example), name);
}

/** A fresh copy of test/fixtures/projects/FIXTURE as the folder NAME of the e2e workspace. */
export function fixtureInWorkspace(fixture: string, name: string): vscode.Uri {
    return copyIntoWorkspace(path.join(repoRoot, 'test', 'fixtures', 'projects', fixture), name);
}

function copyIntoWorkspace(source: string, name: string): vscode.Uri {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the e2e run opens a workspace folder');
    const folder = path.join(workspace.uri.fsPath, name);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.cpSync(source, folder, { recursive: true });
    return vscode.Uri.file(folder);
}
