// Diff with Target in the real VS Code against the real engine: a project next to an image built from it with
// planted drift (another time zone, another exposed port) — the Parity Report document, Problems entries at the
// Dockerfile lines with quick fixes that edit them, the Findings tree by facet, Show Raw Snapshots, and an image
// row of the Images view as one side.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import type { DiffReport } from '../../../src/core/diff/DiffReport';
import type { ImageTreeNode } from '../../../src/core/images/imageTree';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { type EngineNode, EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { type FindingTreeNode, FindingsTreeProvider } from '../../../src/vscode/views/FindingsTreeProvider';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { imagesView } from '../../../src/vscode/views/imagesView';
import { dockerCli } from '../../support/dockerCli';
import { waitFor } from '../../support/waitFor';
import { exampleInWorkspace } from './exampleInWorkspace';

const NODE_IMAGE = 'node:20.20.2-bookworm-slim';
// Not the host's zone (UTC here) and not a port the example listens on (3000): two findings with Dockerfile fixes.
const DOCKERFILE = `FROM ${NODE_IMAGE}\nENV TZ=Pacific/Chatham\nWORKDIR /app\nCOPY . .\nEXPOSE 8081\nCMD ["node", "server.js"]\n`;

interface DiffCommandResult {
    readonly report: DiffReport;
    readonly uri: vscode.Uri;
}

/** What the Images view hands a context-menu command: the tree node of the image's row. */
async function imageNode(
    provider: EngineTreeProvider<ImageTreeNode>,
    name: string,
): Promise<EngineNode<ImageTreeNode>> {
    const walk = async (
        nodes: readonly EngineNode<ImageTreeNode>[],
    ): Promise<EngineNode<ImageTreeNode> | undefined> => {
        for (const node of nodes) {
            if (node.kind === 'item' && node.value.kind === 'image' && node.value.row.name === name) {
                return node;
            }
            if (node.kind === 'item' && node.value.kind !== 'image') {
                const found = await walk(await provider.getChildren(node));
                if (found) {
                    return found;
                }
            }
        }
        return undefined;
    };
    const node = await walk(await provider.getChildren());
    assert.ok(node, `${name} is not in the Images view`);
    return node;
}

/** Whether the installed manifest shows `command` in the context menu of a `view` row with this contextValue. */
function showsOn(view: string, command: string, contextValue: string): boolean {
    const manifest = vscode.extensions.getExtension('parity.parity')?.packageJSON as {
        contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    return (manifest.contributes.menus['view/item/context'] ?? [])
        .filter((item) => item.command === command && item.when?.includes(`view == ${view}`))
        .some((item) => new RegExp(/viewItem =~ \/(.+)\/$/.exec(item.when ?? '')?.[1] ?? '$^').test(contextValue));
}

function labelOf(item: vscode.TreeItem): string {
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function parityDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Parity');
}

describe('Parity: Diff with Target', () => {
    let engine: EngineConnection;
    let images: EngineTreeProvider<ImageTreeNode>;
    let project: vscode.Uri;
    let tag: string;
    let result: DiffCommandResult | undefined;

    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        assert.ok(
            dockerCli(['image', 'inspect', '--format', '{{.Id}}', NODE_IMAGE]),
            `${NODE_IMAGE} is missing — run: bash scripts/testbed.sh up images`,
        );
        project = exampleInWorkspace('hello-node', 'diff-node');
        fs.writeFileSync(path.join(project.fsPath, 'Dockerfile'), DOCKERFILE);
        tag = `parity-e2e-diff-${process.pid}:drift`;
        dockerCli(['build', '--quiet', '--label', 'parity.test=e2e-diff', '--tag', tag, project.fsPath]);
        engine = new EngineConnection(silentLogger);
        images = new EngineTreeProvider(imagesView, engine, silentLogger);
    });
    after(async () => {
        images.dispose();
        engine.dispose();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        dockerCli(['rmi', '--force', tag]);
    });

    it('this project with an image built from it: a Parity Report document (its own scheme and language) opens, with the drift in it', async () => {
        const before = dockerCli(['ps', '-aq', '--filter', 'label=parity.managed=true']);
        result = await vscode.commands.executeCommand<DiffCommandResult | undefined>('parity.diff.withTarget', {
            from: `host:${project.fsPath}`,
            to: `image:${tag}`,
            via: false,
        });
        assert.ok(result, 'no comparison — see the Parity log');
        const document = await vscode.workspace.openTextDocument(result.uri);
        assert.equal(document.languageId, 'parity-report');
        assert.equal(result.uri.scheme, 'parity-report');
        const text = document.getText();
        assert.match(text, /timezone/);
        assert.match(text, /Pacific\/Chatham/);
        assert.match(text, /8081/);
        assert.ok(
            result.report.findings.some((finding) => finding.rule === 'timezone.name'),
            JSON.stringify(result.report.findings.map((finding) => finding.rule)),
        );
        assert.ok(result.report.findings.some((finding) => finding.rule === 'app.port'));
        assert.equal(
            vscode.window.activeTextEditor?.document.uri.toString(),
            result.uri.toString(),
            'the report is the active editor',
        );
        assert.equal(
            dockerCli(['ps', '-aq', '--filter', 'label=parity.managed=true']),
            before,
            'the probe container is gone',
        );
        // Saved for the language server (and the next window): the same report, as `parity diff --format json` writes it.
        const saved = path.join(project.fsPath, '.parity', 'last-diff.json');
        await waitFor('.parity/last-diff.json written', () => fs.existsSync(saved), 5000);
        const report = JSON.parse(fs.readFileSync(saved, 'utf8')) as DiffReport;
        assert.deepEqual(report.counts, result.report.counts);
        assert.equal(report.findings.length, result.report.findings.length);
    });

    it('Problems: a Parity diagnostic on each Dockerfile line a fix changes, code = the rule id', () => {
        assert.ok(result);
        const dockerfile = vscode.Uri.joinPath(project, 'Dockerfile');
        const diagnostics = parityDiagnostics(dockerfile);
        const timezone = diagnostics.find((diagnostic) => diagnostic.code === 'timezone.name');
        assert.ok(
            timezone,
            JSON.stringify(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])),
        );
        assert.equal(timezone.range.start.line, 1, 'on the ENV TZ line');
        assert.equal(timezone.severity, vscode.DiagnosticSeverity.Warning);
        const port = diagnostics.find((diagnostic) => diagnostic.code === 'app.port');
        assert.equal(port?.range.start.line, 4, 'on the EXPOSE line');
    });

    it('the quick fix rewrites the EXPOSE line in the editor buffer; the file on disk waits for a save', async () => {
        const dockerfile = vscode.Uri.joinPath(project, 'Dockerfile');
        const document = await vscode.workspace.openTextDocument(dockerfile);
        const line = document.lineAt(4).range;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            dockerfile,
            line,
            vscode.CodeActionKind.QuickFix.value,
        );
        const expose = actions.find((action) => action.title.startsWith('Apply fix: Expose 3000'));
        assert.ok(expose?.edit, JSON.stringify(actions.map((action) => action.title)));
        assert.ok(await vscode.workspace.applyEdit(expose.edit));
        assert.equal(document.lineAt(4).text, 'EXPOSE 3000');
        assert.equal(
            fs.readFileSync(dockerfile.fsPath, 'utf8'),
            DOCKERFILE,
            "a WorkspaceEdit: nothing written behind the user's back",
        );
        // Back as it was, for the tests after this one.
        const back = new vscode.WorkspaceEdit();
        back.replace(dockerfile, document.lineAt(4).range, 'EXPOSE 8081');
        assert.ok(await vscode.workspace.applyEdit(back));
        assert.ok(await document.save());
        assert.equal(fs.readFileSync(dockerfile.fsPath, 'utf8'), DOCKERFILE);
    });

    it('no quick fix writes through a symbolic link out of the project', async () => {
        const outside = fs.mkdtempSync(path.join(path.dirname(project.fsPath), 'outside-'));
        const dockerfile = path.join(project.fsPath, 'Dockerfile');
        fs.writeFileSync(path.join(outside, 'Dockerfile'), DOCKERFILE);
        fs.renameSync(dockerfile, `${dockerfile}.kept`);
        fs.symlinkSync(path.join(outside, 'Dockerfile'), dockerfile);
        try {
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                'vscode.executeCodeActionProvider',
                vscode.Uri.file(dockerfile),
                new vscode.Range(4, 0, 4, 0),
                vscode.CodeActionKind.QuickFix.value,
            );
            assert.deepEqual(
                actions.filter((action) => action.title.startsWith('Apply fix')).map((action) => action.title),
                [],
            );
        } finally {
            fs.rmSync(dockerfile);
            fs.renameSync(`${dockerfile}.kept`, dockerfile);
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    it('the Findings tree of the report: a summary first, then facets with their counts, each fix a row', () => {
        assert.ok(result);
        const tree = new FindingsTreeProvider();
        try {
            tree.showReport(project, result.report, result.uri, 'report');
            const roots = tree.getChildren();
            const [summary, ...groups] = roots;
            assert.equal(summary?.kind, 'summary');
            assert.match(String(tree.getTreeItem(summary).description), /\d+ ignored · \d+ unknown/);
            const labels = groups.map((group) => labelOf(tree.getTreeItem(group)));
            assert.ok(labels.includes('timezone (1)'), labels.join(', '));
            assert.ok(
                labels.some((label) => /^app \(\d+\)$/.test(label)),
                labels.join(', '),
            );
            const timezone = groups.find(
                (group) => tree.getTreeItem(group).label === 'timezone (1)',
            ) as FindingTreeNode;
            assert.match(String(tree.getTreeItem(timezone).description), /1 warning/);
            const [finding] = tree.getChildren(timezone);
            assert.ok(finding);
            const item = tree.getTreeItem(finding);
            assert.equal(item.label, 'name');
            assert.match(String(item.description), /→ Pacific\/Chatham/);
            assert.deepEqual(
                item.command?.arguments?.[0],
                vscode.Uri.joinPath(project, 'Dockerfile'),
                'a click opens the line the fix changes',
            );
            const [fix] = tree.getChildren(finding);
            assert.ok(fix);
            assert.match(labelOf(tree.getTreeItem(fix)), /^Apply fix: Set TZ=/);
            const context = tree.getTreeItem(fix).contextValue ?? '';
            assert.ok(
                showsOn('parity.findings', 'parity.findings.applyFix', context),
                `Apply Fix is on the fix row's menu (${context})`,
            );
            assert.ok(showsOn('parity.findings', 'parity.findings.goToFix', context));
            assert.ok(
                showsOn(
                    'parity.findings',
                    'parity.diff.showRawSnapshots',
                    String(tree.getTreeItem(summary).contextValue),
                ),
                'Show Raw Snapshots is on the summary row',
            );
            assert.ok(
                !showsOn('parity.findings', 'parity.findings.applyFix', String(tree.getTreeItem(finding).contextValue)),
                'a finding row is not a fix',
            );
        } finally {
            tree.dispose();
        }
    });

    it('Show Raw Snapshots: the two snapshots of the last comparison in the diff editor', async () => {
        const raw = await vscode.commands.executeCommand<{ left: vscode.Uri; right: vscode.Uri } | undefined>(
            'parity.diff.showRawSnapshots',
        );
        assert.ok(raw);
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
        assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
        assert.match((await vscode.workspace.openTextDocument(raw.left)).getText(), /\(host\)/);
        assert.match((await vscode.workspace.openTextDocument(raw.right)).getText(), /^node\s+.*20\.20\.2/m);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it("an image row of the Images view is the to side, the project the from side; the next diff replaces the last one's Problems", async () => {
        const row = await imageNode(images, NODE_IMAGE);
        const next = await vscode.commands.executeCommand<DiffCommandResult | undefined>(
            'parity.diff.withTarget',
            row,
            project,
        );
        assert.ok(next, 'no comparison — see the Parity log');
        assert.equal(next.report.to.target, `image:${NODE_IMAGE}`);
        assert.equal(next.report.from.kind, 'host');
        assert.ok(
            !next.report.findings.some(
                (finding) => finding.rule === 'timezone.name' && finding.to === 'Pacific/Chatham',
            ),
        );
        await waitFor(
            "the drift image's diagnostics are gone",
            () =>
                !parityDiagnostics(vscode.Uri.joinPath(project, 'Dockerfile')).some(
                    (diagnostic) => diagnostic.code === 'timezone.name',
                ),
            5000,
        );
    });

    it("three-way: with the project's own image built, it goes between this machine and the target, and each finding says which step brought it", async () => {
        // The project's image without the drift: the time zone then comes from the target, not the recipe.
        const built = imageTagFor(project.fsPath);
        const plain = fs.mkdtempSync(path.join(path.dirname(project.fsPath), 'plain-'));
        fs.writeFileSync(path.join(plain, 'Dockerfile'), `FROM ${NODE_IMAGE}\n`);
        dockerCli(['build', '--quiet', '--label', 'parity.test=e2e-diff', '--tag', built, plain]);
        try {
            const threeWay = await vscode.commands.executeCommand<DiffCommandResult | undefined>(
                'parity.diff.withTarget',
                { from: `host:${project.fsPath}`, to: `image:${tag}` },
            );
            assert.ok(threeWay, 'no comparison — see the Parity log');
            assert.equal(threeWay.report.via?.target, `image:${built}`);
            const zone = threeWay.report.findings.find((finding) => finding.rule === 'timezone.name');
            assert.equal(zone?.introducedBy, 'target', JSON.stringify(zone));
            assert.ok(
                (await vscode.workspace.openTextDocument(threeWay.uri)).getText().includes(built),
                'the report names the built image',
            );
        } finally {
            dockerCli(['rmi', '--force', built]);
            fs.rmSync(plain, { recursive: true, force: true });
        }
    });

    it('a file that is not a snapshot is a clear error and opens nothing', async () => {
        const saved = path.join(project.fsPath, '.parity', 'prod.snapshot.json');
        fs.mkdirSync(path.dirname(saved), { recursive: true });
        fs.writeFileSync(saved, '{ "schemaVersion": 1, "meta": {} }\n');
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).length;
        assert.equal(
            await vscode.commands.executeCommand('parity.diff.withTarget', {
                from: `file:${saved}`,
                to: `image:${NODE_IMAGE}`,
            }),
            undefined,
        );
        assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, tabs, 'nothing opened');
    });
});
