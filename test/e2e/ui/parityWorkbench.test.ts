// UI tests: a person's view of Parity in a real VS Code (code-server in headless Chromium), with the
// extension installed from the VSIX that `npm run package` makes, against the real Docker engine.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { dockerCli as docker } from '../../support/dockerCli';
import { closedPort } from '../../support/ports';
import {
    openViewContainer,
    readStatusBar,
    readTreeItems,
    REPO_ROOT,
    runCommand,
    screenshot,
    startUiSession,
    type TreeItem,
    UI_RESULTS,
    UI_VSIX,
    type UiSession,
    waitFor,
    waitForNotification,
} from './workbench';

const root = REPO_ROOT;
const results = UI_RESULTS;
const vsix = UI_VSIX;

/** A copy of examples/hello-node; by default its .nvmrc asks for node 18, which the installed node does not satisfy. */
function exampleCopy(mismatch = true): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-ws-')), 'hello-node');
    cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
    if (mismatch) {
        writeFileSync(join(folder, '.nvmrc'), '18\n');
    }
    return folder;
}

function removeImage(reference: string): void {
    try {
        docker(['rmi', '--force', reference]);
    } catch {
        // Not there: nothing to remove.
    }
}

/**
 * The Images view lists repositories with their tags as children (untagged images under "Untagged"):
 * the `repository:tag` names of the tag rows on screen.
 */
function imageNames(rows: readonly TreeItem[]): string[] {
    let group = '';
    return rows.flatMap((row) => {
        if (row.level === 1) {
            group = row.label;
            return [];
        }
        return [group === 'Untagged' ? row.label : `${group}:${row.label}`];
    });
}

before(() => {
    assert.ok(existsSync(vsix), `${vsix} is missing — run: npm run package`);
});

describe('Parity views and Show Engine Status, engine up', () => {
    let session: UiSession;
    let failed = false;

    before(async () => {
        session = await startUiSession(vsix, exampleCopy(), { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        await session.close({ keep: failed });
    });

    it("shows the Parity container with its four views and the engine's real images", async () => {
        try {
            await openViewContainer(session.page, 'Parity');
            const headers = await session.page.locator('.part.sidebar .pane-header .title').allInnerTexts();
            assert.deepEqual(
                headers.map((title) => title.trim().toUpperCase()),
                ['IMAGES', 'CONTAINERS', 'TARGETS', 'FINDINGS'],
            );
            const images = await readTreeItems(session.page, 'Images', 30_000);
            // The view is virtualized: every repository and tag drawn must be one the docker CLI lists too (an
            // untagged image shows as "<none> (short id)" under "Untagged").
            const cliRows = docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'])
                .split('\n')
                .map((line) =>
                    line.startsWith('<none>:<none> ')
                        ? `<none> (${line.split(' ')[1] ?? ''})`
                        : (line.split(' ')[0] ?? ''),
                );
            const repositories = [
                ...cliRows.filter((row) => !row.startsWith('<none>')).map((row) => row.slice(0, row.lastIndexOf(':'))),
                'Untagged',
            ];
            // The first row may lead on ("Package hello-node…" while the project has no Parity build): not a repository.
            const groups = images
                .filter((row) => row.level === 1 && !/^Package .+…$/.test(row.label))
                .map((row) => row.label);
            const names = imageNames(images);
            assert.ok(
                groups.length > 0 && groups.every((group) => repositories.includes(group)),
                `repositories ${groups.join(', ')} are not all ones the docker CLI lists`,
            );
            assert.ok(
                names.every((name) => cliRows.includes(name)),
                `rows ${names.join(', ')} are not all images the docker CLI lists`,
            );
        } catch (error) {
            failed = true;
            throw error;
        }
    });

    it('F1 → Parity: Show Engine Status shows the engine version in a notification and the status bar', async () => {
        try {
            const engineVersion = docker(['version', '--format', '{{.Server.Version}}']);
            const apiVersion = docker(['version', '--format', '{{.Server.APIVersion}}']);
            await runCommand(session.page, 'Parity: Show Engine Status');
            const message = await waitForNotification(
                session.page,
                `Docker ${engineVersion} (API ${apiVersion})`,
                30_000,
            );
            assert.match(message, /BuildKit available — unix:\/\/\/var\/run\/docker\.sock/);
            const deadline = Date.now() + 10_000;
            let item;
            while (!item && Date.now() < deadline) {
                item = (await readStatusBar(session.page)).find((entry) =>
                    entry.text.includes(`Docker ${engineVersion}`),
                );
                if (!item) {
                    await session.page.waitForTimeout(200);
                }
            }
            assert.ok(item, 'the status bar shows the engine version');
            // The progress toast closes a moment after the result arrives; the screenshot should show the result.
            await session.page
                .locator('.notifications-toasts .notification-list-item', { hasText: 'connecting to Docker' })
                .waitFor({ state: 'hidden', timeout: 10_000 });
            await screenshot(session.page, join(results, 'workbench.png'));
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'workbench-failed.png')).catch(() => undefined);
            throw error;
        }
    });
});

describe('Parity: Snapshot Environment from the palette', () => {
    let session: UiSession;
    let folder: string;
    let failed = false;

    before(async () => {
        folder = exampleCopy();
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        await session.close({ keep: failed });
    });

    it("opens the snapshot's summary and lists the .nvmrc mismatch in the Problems panel and the Findings view", async () => {
        try {
            await runCommand(session.page, 'Parity: Snapshot Environment');
            await session.page
                .locator('.tabs-container .tab', { hasText: 'snapshot of hello-node' })
                .first()
                .waitFor({ state: 'visible', timeout: 30_000 });
            assert.ok(existsSync(join(folder, '.parity', 'local.snapshot.json')));
            await runCommand(session.page, 'View: Focus Problems (Errors, Warnings, Infos)');
            const problem = session.page
                .locator('.markers-panel .monaco-list-row', { hasText: '.nvmrc asks for node 18' })
                .first();
            await problem.waitFor({ state: 'visible', timeout: 15_000 });
            assert.match(await problem.innerText(), /but node \d+\.\d+\.\d+ runs here/);
            await openViewContainer(session.page, 'Parity');
            const findings = await readTreeItems(session.page, 'Findings', 15_000);
            assert.ok(
                findings.some(
                    (row) => row.label.startsWith('.nvmrc asks for node 18') && row.description === '.nvmrc:1',
                ),
                JSON.stringify(findings),
            );
            await screenshot(session.page, join(results, 'snapshot.png'));
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'snapshot-failed.png')).catch(() => undefined);
            throw error;
        }
    });
});

describe('Parity: Package App from the palette', () => {
    let session: UiSession;
    let tag: string;
    let failed = false;

    before(async () => {
        const folder = exampleCopy(false);
        tag = imageTagFor(folder);
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        await session.close({ keep: failed });
        removeImage(tag);
    });

    it('shows the plan, builds on Enter, and the image appears in the Images view', async () => {
        try {
            await runCommand(session.page, 'Parity: Package App');
            const build = session.page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Build with this plan' })
                .first();
            await build.waitFor({ state: 'visible', timeout: 30_000 });
            const rows = await session.page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row')
                .allInnerTexts();
            assert.ok(
                rows.some((row) => row.includes(`node ${process.versions.node}`)),
                `the plan shows the runtime decision: ${rows.join(' | ')}`,
            );
            assert.ok(
                rows.some((row) => row.includes('node server.js')),
                'and the start command',
            );
            await screenshot(session.page, join(results, 'package-plan.png'));
            await build.click();
            await waitForNotification(session.page, new RegExp(`Parity: built ${tag}`), 120_000);
            await openViewContainer(session.page, 'Parity');
            const deadline = Date.now() + 15_000;
            let labels: string[] = [];
            while (!labels.includes(tag) && Date.now() < deadline) {
                // Parity's builds come first, their repositories expanded.
                labels = imageNames(await readTreeItems(session.page, 'Images', 15_000));
                await session.page.waitForTimeout(300);
            }
            assert.ok(labels.includes(tag), `Images view rows: ${labels.join(', ')}`);
            assert.ok(docker(['image', 'inspect', '--format', '{{.Id}}', tag]).startsWith('sha256:'));
            await screenshot(session.page, join(results, 'package-built.png'));
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'package-failed.png')).catch(() => undefined);
            throw error;
        }
    });

    it('"Compare with This Machine" in the built message diffs the project with the image into a Parity Report', async () => {
        try {
            const { page } = session;
            const built = (): Locator =>
                page
                    .locator('.notification-list-item')
                    .filter({ hasText: new RegExp(`Parity: built ${tag}`) })
                    .first();
            if (!(await built().isVisible())) {
                // The toast may have gone by now: the notification center keeps it.
                await runCommand(page, 'Notifications: Show Notifications');
            }
            await built()
                .locator('.monaco-button', { hasText: /^Compare with This Machine$/ })
                .click();
            await page
                .locator('.editor-group-container .tab.active', { hasText: `↔ image:${tag}.parity-report` })
                .first()
                .waitFor({ state: 'visible', timeout: 120_000 });
            // A freshly packaged app differs from this machine only in ways that are information (or by design).
            let counts = '';
            await waitFor(
                'the diff counts in the status bar',
                async () => {
                    counts =
                        (await readStatusBar(page)).find((item) => item.ariaLabel.startsWith('Parity diff:'))
                            ?.ariaLabel ?? '';
                    return counts !== '';
                },
                10_000,
            );
            assert.doesNotMatch(counts, /error|warning/, counts);
            await screenshot(session.page, join(results, 'package-compare.png'));
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'package-compare-failed.png')).catch(() => undefined);
            throw error;
        }
    });
});

describe("Parity: Package App with a Dockerfile of the user's own", () => {
    let session: UiSession;
    let folder: string;
    let failed = false;
    const mine = 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

    before(async () => {
        folder = exampleCopy(false);
        writeFileSync(join(folder, 'Dockerfile'), mine);
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        await session.close({ keep: failed });
        removeImage(imageTagFor(folder));
    });

    it('shows a diff of theirs against Parity\'s proposal, asks, and on "Keep Mine" builds theirs untouched', async () => {
        try {
            await runCommand(session.page, 'Parity: Package App');
            const build = session.page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Build with this plan' })
                .first();
            await build.waitFor({ state: 'visible', timeout: 30_000 });
            await build.click();
            await session.page
                .locator('.tabs-container .tab', { hasText: "Dockerfile: yours ↔ Parity's proposal" })
                .first()
                .waitFor({ state: 'visible', timeout: 30_000 });
            const dialog = session.page.locator('.monaco-dialog-box');
            await dialog.waitFor({ state: 'visible', timeout: 45_000 });
            assert.match(await dialog.innerText(), /Dockerfile already exists and was not written by Parity/);
            await screenshot(session.page, join(results, 'package-diff.png'));
            await dialog.locator('.monaco-button', { hasText: 'Keep Mine' }).first().click();
            await waitForNotification(session.page, new RegExp(`Parity: built ${imageTagFor(folder)}`), 120_000);
            assert.equal(readFileSync(join(folder, 'Dockerfile'), 'utf8'), mine, "the user's Dockerfile is untouched");
            assert.ok(existsSync(join(folder, '.dockerignore')), "Parity's own .dockerignore is written");
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'package-diff-failed.png')).catch(() => undefined);
            throw error;
        }
    });
});

describe('DOCKER_HOST pointing at a closed port', () => {
    let session: UiSession;
    let port: number;
    let failed = false;

    before(async () => {
        port = await closedPort();
        session = await startUiSession(vsix, exampleCopy(), { env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` } });
    });
    after(async () => {
        await session.close({ keep: failed });
    });

    it('gives one clear error naming the address, with Retry — and the views say so too', async () => {
        try {
            await runCommand(session.page, 'Parity: Show Engine Status');
            const message = await waitForNotification(session.page, 'Docker is not reachable', 30_000);
            assert.match(
                message,
                new RegExp(
                    `^Docker is not reachable at tcp://127\\.0\\.0\\.1:${port} \\(from DOCKER_HOST\\) — is it running\\?`,
                ),
            );
            assert.doesNotMatch(message, /\bat .*\.js:\d+/, 'no stack trace');
            const toast = session.page
                .locator('.notifications-toasts .notification-list-item')
                .filter({ hasText: 'Docker is not reachable' })
                .first();
            await toast
                .locator('.monaco-button', { hasText: 'Retry' })
                .first()
                .waitFor({ state: 'visible', timeout: 5000 });
            await openViewContainer(session.page, 'Parity');
            const rows = await readTreeItems(session.page, 'Images', 30_000);
            assert.deepEqual(
                rows.map((row) => row.label),
                [`Docker not reachable at tcp://127.0.0.1:${port} — Retry`],
            );
            await screenshot(session.page, join(results, 'workbench-unreachable.png'));
        } catch (error) {
            failed = true;
            await screenshot(session.page, join(results, 'workbench-unreachable-failed.png')).catch(() => undefined);
            throw error;
        }
    });
});
