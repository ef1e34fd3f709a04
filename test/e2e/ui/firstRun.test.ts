// UI test of a newcomer's first run, in code-server (headless Chromium) with the VSIX that
// `node scripts/package.mjs` makes, against the real engine: the Getting Started walkthrough opens by itself
// and its buttons run the commands, the snapshot opens as a readable summary (links to the pin lines, the
// raw JSON one click away), counts read "1 finding", the views lead on to the next step, a clean snapshot
// says so, the Explorer offers Parity's commands on project folders only, and a machine setting put in the
// user settings of this (remote) window is pointed out. Its screenshots are the ones README.md shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { QUIET_USER_SETTINGS } from '../host/codeServer';
import { dockerCli as docker } from '../../support/dockerCli';
import {
    codeLens,
    openViewContainer,
    readNotifications,
    readTreeItems,
    REPO_ROOT,
    runCommand,
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

const README_SHOTS = [
    'first-run-walkthrough',
    'first-run-snapshot-summary',
    'first-run-views-lead-on',
    'first-run-package-plan',
    'first-run-findings-clean',
];

function engineAnswers(): boolean {
    try {
        docker(['version', '--format', '{{.Server.Version}}']);
        return true;
    } catch {
        return false;
    }
}

/** hello-node pinned to node 18 (one finding here), with a second project in tools/ and markers where no project is. */
function workspace(): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-first-')), 'first-run');
    cpSync(join(REPO_ROOT, 'examples', 'hello-node'), folder, { recursive: true });
    writeFileSync(join(folder, '.nvmrc'), '18\n');
    for (const [dir, name] of [
        ['tools', 'tools'],
        ['.parity', 'not-a-project'],
        [join('node_modules', 'left-pad'), 'left-pad'],
    ] as const) {
        mkdirSync(join(folder, dir), { recursive: true });
        writeFileSync(join(folder, dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0' })}\n`);
    }
    return folder;
}

/** The walkthrough's editor. */
function walkthrough(page: Page): Locator {
    return page.locator('.gettingStartedContainer').first();
}

/** The walkthrough's step titled `title` (its header button). */
function walkthroughStep(page: Page, title: string): Locator {
    return walkthrough(page).locator('button.getting-started-step', { hasText: title }).first();
}

async function explorerMenu(page: Page, folder: string): Promise<string[]> {
    const row = page
        .locator('.part.sidebar .explorer-folders-view .monaco-list-row', {
            has: page.locator('.label-name', { hasText: new RegExp(`^${folder.replace(/\./g, '\\.')}$`) }),
        })
        .first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu').first();
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const items = (await menu.locator('.action-item .action-label').allInnerTexts())
        .map((text) => text.trim())
        .filter(Boolean);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: 5000 });
    return items;
}

before(() => {
    assert.ok(existsSync(UI_VSIX), `${UI_VSIX} is missing — run: node scripts/package.mjs`);
    assert.ok(engineAnswers(), 'no Docker engine answers — run: bash scripts/testbed.sh up engine');
});

describe('First run', () => {
    let session: UiSession;
    let folder: string;
    const steps = new ScreenshotSteps(() => session.page, UI_RESULTS, README_SHOTS);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    before(async () => {
        folder = workspace();
        session = await startUiSession(UI_VSIX, folder, {
            env: { DOCKER_HOST: '' },
            settings: {
                ...QUIET_USER_SETTINGS,
                'workbench.welcomePage.walkthroughs.openOnInstall': true,
                // Machine-scoped: code-server's window is a remote one, so VS Code ignores it here (the same socket either way).
                'parity.docker.host': 'unix:///var/run/docker.sock',
            },
        });
    });
    after(async () => {
        await session.close({ keep: steps.failed });
    });

    it('opens the Getting Started walkthrough by itself, with its four steps', () =>
        step('first-run-walkthrough', async () => {
            await walkthrough(session.page).waitFor({ state: 'visible', timeout: 60_000 });
            for (const title of [
                'Snapshot your environment',
                'Package the app',
                'Run it in a sandbox',
                'Compare with where it runs',
            ]) {
                await walkthroughStep(session.page, title).waitFor({ state: 'visible', timeout: 15_000 });
            }
            await walkthrough(session.page)
                .locator('img[alt^="A snapshot summary"]')
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
        }));

    it("points out the machine setting VS Code ignores in this window's user settings, with Open Settings", () =>
        step('first-run-setting-scope', async () => {
            await runCommand(session.page, 'Notifications: Show Notifications');
            const text =
                /parity\.docker\.host is set in your user settings, where this remote window ignores it \(machine setting\)/;
            await waitFor(
                'the setting warning',
                async () => (await readNotifications(session.page)).some((message) => text.test(message)),
                30_000,
            );
            const notification = session.page
                .locator('.notifications-center .notification-list-item', { hasText: 'parity.docker.host' })
                .first();
            assert.ok(
                (await notification.locator('.monaco-button', { hasText: 'Open Settings' }).count()) > 0,
                'an Open Settings button',
            );
            await runCommand(session.page, 'Notifications: Clear All Notifications');
            await runCommand(session.page, 'Notifications: Hide Notifications').catch(() => undefined);
        }));

    it('the walkthrough\'s Snapshot Environment button opens the readable summary, says "2 findings"', () =>
        step('first-run-snapshot-summary', async () => {
            const page = session.page;
            await page
                .locator('.editor-group-container .tab', { hasText: /Get Started with Parity|Walkthrough/ })
                .first()
                .click()
                .catch(() => undefined);
            await walkthroughStep(page, 'Snapshot your environment').click();
            await walkthrough(page).locator('.monaco-button', { hasText: 'Snapshot Environment' }).first().click();
            await page
                .locator('.editor-group-container .tab.active', { hasText: 'snapshot of first-run' })
                .first()
                .waitFor({ state: 'visible', timeout: 60_000 });
            const message = await waitForNotification(
                page,
                /snapshot saved to \.parity\/local\.snapshot\.json/,
                30_000,
            );
            // .nvmrc's 18 against this node, and against package.json's engines (>=20).
            assert.match(message, /\. 2 findings — see the Problems panel\.$/, message);
            const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
            // The editor renders spaces as no-break spaces.
            const editorText = async (): Promise<string> => (await editor.innerText()).replace(/\u00a0/g, ' ');
            await waitFor(
                'the summary text',
                async () => /Snapshot of .*first-run \(host\)/.test(await editorText()),
                15_000,
            );
            const text = await editorText();
            assert.match(text, /node\s+\d+\.\d+\.\d+/, text);
            assert.ok(!/"schemaVersion"/.test(text), 'the summary, not the JSON');
            await waitFor(
                '.nvmrc:1 is a link',
                async () =>
                    (await page
                        .locator('.editor-group-container.active .detected-link', { hasText: '.nvmrc:1' })
                        .count()) > 0,
                15_000,
            );
            await page.mouse.move(0, 0);
        }));

    it('the walkthrough checks the step off', () =>
        step('first-run-walkthrough-step-done', async () => {
            const page = session.page;
            await page
                .locator('.editor-group-container .tab', { hasText: /Get Started with Parity|Walkthrough|Welcome/ })
                .first()
                .click();
            const done = walkthroughStep(page, 'Snapshot your environment').locator(
                '.codicon-getting-started-step-checked',
            );
            await done.waitFor({ state: 'visible', timeout: 15_000 });
            assert.equal(
                await walkthroughStep(page, 'Package the app').locator('.codicon-getting-started-step-checked').count(),
                0,
            );
        }));

    it('the summary\'s "Open Raw JSON" CodeLens opens .parity/local.snapshot.json', () =>
        step('first-run-raw-json', async () => {
            const page = session.page;
            await page.locator('.editor-group-container .tab', { hasText: 'snapshot of first-run' }).first().click();
            const lens = codeLens(page, 'Open Raw JSON');
            await lens.waitFor({ state: 'visible', timeout: 15_000 });
            await lens.click();
            await page
                .locator('.editor-group-container .tab.active', { hasText: 'local.snapshot.json' })
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
        }));

    it('the Images and Containers views lead on: Package first-run…, Run first-run in a sandbox…', () =>
        step('first-run-views-lead-on', async () => {
            const page = session.page;
            await page.locator('.editor-group-container .tab', { hasText: 'snapshot of first-run' }).first().click();
            await openViewContainer(page, 'Parity');
            await setPaneExpanded(page, 'Targets', false);
            await waitFor(
                'Package first-run… in Images',
                async () => (await treeRow(page, 'Images', 'Package first-run…').count()) > 0,
                30_000,
            );
            await waitFor(
                'Run first-run in a sandbox… in Containers',
                async () => (await treeRow(page, 'Containers', 'Run first-run in a sandbox…').count()) > 0,
                30_000,
            );
            const images = await readTreeItems(page, 'Images', 15_000);
            assert.equal(images[0]?.label, 'Package first-run…', JSON.stringify(images.slice(0, 3)));
        }));

    it('a click on Package first-run… runs Package App: the plan comes up for review (Escape stops it)', () =>
        step('first-run-package-plan', async () => {
            const page = session.page;
            await treeRow(page, 'Images', 'Package first-run…').click();
            const review = page.locator('.quick-input-widget').first();
            await review.waitFor({ state: 'visible', timeout: 120_000 });
            await waitFor('the plan in the quick pick', async () => /node/i.test(await review.innerText()), 60_000);
        }));

    it('after a clean snapshot the Findings view says "No mismatches (captured at …)"', () =>
        step('first-run-findings-clean', async () => {
            const page = session.page;
            await page.keyboard.press('Escape');
            await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
            const major =
                execFileSync('node', ['--version'], { cwd: folder, encoding: 'utf8' })
                    .trim()
                    .replace(/^v/, '')
                    .split('.')[0] ?? '';
            writeFileSync(join(folder, '.nvmrc'), `${major}\n`);
            await runCommand(page, 'Parity: Snapshot Environment');
            await waitForNotification(page, /Declared and installed runtimes agree/, 60_000);
            await openViewContainer(page, 'Parity');
            await setPaneExpanded(page, 'Findings', true);
            await waitFor(
                'the clean row',
                async () =>
                    (await readTreeItems(page, 'Findings', 15_000)).some((row) =>
                        /^No mismatches \(captured at .+\)$/.test(row.label),
                    ),
                15_000,
            );
        }));

    it("the Explorer offers Parity's commands on project folders only — not on .parity/ or node_modules", () =>
        step('first-run-explorer-menu', async () => {
            const page = session.page;
            await runCommand(page, 'View: Show Explorer');
            assert.ok((await explorerMenu(page, 'tools')).includes('Package App'), 'Package App on tools/');
            for (const notProject of ['.parity', 'node_modules']) {
                const items = await explorerMenu(page, notProject);
                assert.ok(
                    !items.some((item) => /Package App|Run in Sandbox|Snapshot Environment/.test(item)),
                    `${notProject}: ${items.join(', ')}`,
                );
            }
        }));
});
