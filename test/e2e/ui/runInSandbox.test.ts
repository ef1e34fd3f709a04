// UI test for Run in Sandbox, as a person does it: open the example's package.json, click "▶ Run in Sandbox"
// above its start script, see "ready" and the sandbox running in the Containers view, Stop it there — in
// code-server (headless Chromium) with the VSIX, against the real engine. The docker CLI checks each step.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { dockerCli as docker } from '../../support/dockerCli';
import { waitForHttp } from '../../support/waitForHttp';
import {
    codeLens,
    contextMenu,
    openFile,
    openViewContainer,
    readTreeItems,
    REPO_ROOT,
    runCommand,
    screenshot,
    ScreenshotSteps,
    setPaneExpanded,
    startUiSession,
    treeRow,
    UI_RESULTS,
    UI_VSIX,
    type UiSession,
    waitFor,
    waitForNotification,
} from './workbench';

const root = REPO_ROOT;
const results = UI_RESULTS;
const vsix = UI_VSIX;
/** A sandbox row reads as its project; the container name is in the tooltip. */
const SANDBOX_ROW = /^ui-sandbox$/;

describe('Run in Sandbox from the CodeLens, in the real VS Code', () => {
    let session: UiSession;
    let folder: string;
    const sandboxes = (): string[] =>
        docker(['ps', '-aq', '--filter', 'label=parity.purpose=sandbox', '--filter', `label=parity.project=${folder}`])
            .split('\n')
            .filter(Boolean);

    before(async () => {
        assert.ok(existsSync(vsix), `${vsix} is missing — run: node scripts/package.mjs`);
        folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-run-')), 'ui-sandbox');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        for (const id of sandboxes()) {
            docker(['rm', '--force', id]);
        }
        docker(['rmi', '--force', imageTagFor(folder)]);
        await session.close({ keep: steps.failed });
    });

    const steps = new ScreenshotSteps(() => session.page, results, ['sandbox-in-containers-view']);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    it('shows "Run in Sandbox" above the start script of package.json', () =>
        step('sandbox-codelens', async () => {
            await openFile(session.page, 'package.json');
            await codeLens(session.page, 'Run in Sandbox').waitFor({ state: 'visible', timeout: 30_000 });
        }));

    it('clicking it packages the app and runs it: "ready at" a loopback URL that answers', () =>
        step('sandbox-ready', async () => {
            await codeLens(session.page, 'Run in Sandbox').click();
            const message = await waitForNotification(session.page, /is ready at http:\/\/127\.0\.0\.1:\d+/, 180_000);
            const url = /http:\/\/127\.0\.0\.1:\d+/.exec(message)?.[0];
            assert.ok(url);
            assert.match(await waitForHttp(`${url}/healthz`), /ok/);
            assert.equal(sandboxes().length, 1, 'one sandbox labelled with this folder');
        }));

    it('the Containers view shows the sandbox running, first', () =>
        step('sandbox-in-containers-view', async () => {
            await openViewContainer(session.page, 'Parity');
            await setPaneExpanded(session.page, 'Images', false);
            await setPaneExpanded(session.page, 'Targets', false);
            await setPaneExpanded(session.page, 'Findings', false);
            await waitFor(
                'the sandbox row, running',
                async () => {
                    const [first] = await readTreeItems(session.page, 'Containers', 30_000);
                    return (
                        first !== undefined &&
                        SANDBOX_ROW.test(first.label) &&
                        /^running · (localhost|127\.0\.0\.1):\d+ · /.test(first.description)
                    );
                },
                15_000,
            );
        }));

    it('Run in Sandbox again shows the running one and offers Restart; Restart runs it afresh — still one sandbox', () =>
        step('sandbox-run-again', async () => {
            const [before] = sandboxes();
            await openFile(session.page, 'package.json');
            await codeLens(session.page, 'Run in Sandbox').click();
            await waitForNotification(
                session.page,
                /ui-sandbox already runs in a sandbox at http:\/\/127\.0\.0\.1:\d+/,
                30_000,
            );
            assert.deepEqual(sandboxes(), [before], 'no second sandbox was started');
            const offer = session.page
                .locator('.notifications-toasts .notification-list-item', { hasText: 'already runs in a sandbox' })
                .first();
            await offer.locator('.monaco-button', { hasText: 'Restart' }).first().click();
            await waitFor(
                'a new sandbox replaced the old one',
                () => {
                    const now = sandboxes();
                    return now.length === 1 && now[0] !== before;
                },
                120_000,
            );
            const renewed = docker(['inspect', '-f', '{{.Name}}', sandboxes()[0] ?? '']).replace(/^\//, '');
            await waitForNotification(
                session.page,
                new RegExp(`${renewed} is ready at http://127\\.0\\.0\\.1:\\d+`),
                120_000,
            );
            assert.equal(sandboxes().length, 1, 'one sandbox for the project');
        }));

    it('Copy docker run Command from its context menu: pasted into a new editor, the hardened docker run', () =>
        step('sandbox-copy-docker-run', async () => {
            const page = session.page;
            // Headless Chromium asks nobody: the page may use the clipboard as a person's browser would after a prompt.
            await session.workbench.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
                origin: session.server.url,
            });
            await openViewContainer(page, 'Parity');
            await contextMenu(page, treeRow(page, 'Containers', SANDBOX_ROW), 'Copy docker run Command');
            await waitForNotification(page, /the docker run command of .+ is on the clipboard/, 30_000);
            await runCommand(page, 'File: New Untitled Text File');
            await page
                .locator('.editor-group-container .tab.active', { hasText: 'Untitled' })
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
            await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
            await page.keyboard.press('Control+V');
            const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
            const text = async (): Promise<string> => (await editor.innerText()).replace(/\u00a0/g, ' ');
            await waitFor('the pasted docker run', async () => /docker run/.test(await text()), 15_000);
            for (const flag of ['docker run', '--read-only', '--cap-drop']) {
                assert.ok((await text()).includes(flag), `${flag} in:\n${await text()}`);
            }
            await page.mouse.move(0, 0);
        }));

    it("Prune Leftovers lists Parity's leftovers with a total in a modal, and Cancel removes nothing", () =>
        step('prune-confirmation', async () => {
            // A stopped sandbox of this test (Parity's labels), so there is something to list on any engine.
            const stopped = `parity-sandbox-ui-prune-${process.pid}`;
            docker([
                'create',
                '--name',
                stopped,
                '--label',
                `parity.container=${stopped}`,
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=sandbox',
                '--label',
                `parity.project=${folder}`,
                'busybox:latest',
                'true',
            ]);
            try {
                await runCommand(session.page, 'Parity: Prune Leftovers...');
                const dialog = session.page.locator('.monaco-dialog-box');
                await dialog.waitFor({ state: 'visible', timeout: 30_000 });
                assert.match(await dialog.innerText(), /Remove Parity's leftovers: \d+ stopped sandbox(es)?/);
                assert.match(await dialog.innerText(), /everything that is not Parity's stay/);
                await screenshot(session.page, join(results, 'prune-confirmation.png'));
                // Never Remove here: the engine is shared, and other leftovers are not this test's to take.
                await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
                await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
                assert.equal(
                    docker(['ps', '-aq', '--filter', `name=^${stopped}$`]).length > 0,
                    true,
                    'Cancel removed nothing',
                );
            } finally {
                docker(['rm', '--force', stopped]);
            }
        }));

    it('Stop from its context menu stops and removes it (a label query finds nothing), and the row goes', () =>
        step('sandbox-stopped', async () => {
            await contextMenu(session.page, treeRow(session.page, 'Containers', SANDBOX_ROW), 'Stop');
            await waitFor('the sandbox is removed', () => sandboxes().length === 0, 30_000);
            await waitFor(
                'the row is gone',
                async () =>
                    !(await readTreeItems(session.page, 'Containers', 30_000)).some((row) =>
                        SANDBOX_ROW.test(row.label),
                    ),
                10_000,
            );
        }));

    it('Diff with Target… on the image in the Images view compares it with this machine in a Parity Report', () =>
        step('sandbox-image-diff', async () => {
            await setPaneExpanded(session.page, 'Containers', false);
            await setPaneExpanded(session.page, 'Images', true);
            // Parity's builds come first and expanded: the repository, then its tag.
            await waitFor(
                'the image row',
                async () =>
                    (await readTreeItems(session.page, 'Images', 30_000)).some(
                        (row) => row.label === 'parity' && row.level === 2,
                    ),
                15_000,
            );
            // A Parity build says when Parity built it, not only how old its layers are.
            assert.ok(
                (await readTreeItems(session.page, 'Images', 30_000)).some(
                    (row) =>
                        row.label === 'parity' &&
                        row.level === 2 &&
                        /built by Parity (just now|\d+ \w+ ago)/.test(row.description),
                ),
                'the image row says when Parity built it',
            );
            // This project's image: the tag row right below its repository (other Parity builds may be listed too).
            const repository = treeRow(session.page, 'Images', imageTagFor(folder).split(':')[0] ?? '');
            const index = Number(await repository.getAttribute('data-index'));
            await contextMenu(
                session.page,
                repository.locator('xpath=..').locator(`.monaco-list-row[data-index="${index + 1}"]`),
                'Diff with Target...',
            );
            // The row is the image side; the pick asks for the other. Enter, not a click: the list fills in as the engine answers.
            const input = session.page.locator(
                `.quick-input-widget .quick-input-box input[placeholder*="${imageTagFor(folder)} with which environment"]`,
            );
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill('This machine');
            await session.page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'This machine' })
                .first()
                .waitFor({ state: 'visible', timeout: 10_000 });
            await session.page.keyboard.press('Enter');
            await session.page
                .locator('.editor-group-container .tab.active', {
                    hasText: `this machine (ui-sandbox) ↔ image:${imageTagFor(folder)}.parity-report`,
                })
                .waitFor({ state: 'visible', timeout: 60_000 });
        }));
});
