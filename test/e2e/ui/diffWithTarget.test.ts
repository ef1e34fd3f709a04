// UI test for Diff with Target, as a person does it: F1 → "Parity: Diff with Target...", pick this machine,
// then an image built from the project with planted drift (another time zone) — and see the Parity Report
// editor, the drift in the Problems panel at its Dockerfile line, the Findings view grouped by facet and the
// counts in the status bar. code-server in headless Chromium with the VSIX, against the real engine.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli as docker } from '../../support/dockerCli';
import {
    openViewContainer,
    readStatusBar,
    readTreeItems,
    REPO_ROOT,
    runCommand,
    ScreenshotSteps,
    setPaneExpanded,
    startUiSession,
    UI_RESULTS,
    UI_VSIX,
    type UiSession,
    waitFor,
} from './workbench';

const root = REPO_ROOT;
const results = UI_RESULTS;
const vsix = UI_VSIX;
const DOCKERFILE =
    'FROM node:20.20.2-bookworm-slim\nENV TZ=Pacific/Chatham\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('Diff with Target from the command palette, in the real VS Code', () => {
    let session: UiSession;
    let folder: string;
    const tag = `parity-ui-diff-${process.pid}:drift`;

    before(async () => {
        assert.ok(existsSync(vsix), `${vsix} is missing — run: node scripts/package.mjs`);
        folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-diff-')), 'ui diff');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        writeFileSync(join(folder, 'Dockerfile'), DOCKERFILE);
        docker(['build', '--quiet', '--label', 'parity.test=ui-diff', '--tag', tag, folder]);
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        docker(['rmi', '--force', tag]);
        await session.close({ keep: steps.failed });
    });

    const steps = new ScreenshotSteps(() => session.page, results, ['diff-report']);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    it('picks this machine, then the image, and opens the Parity Report of the two', () =>
        step('diff-report', async () => {
            const { page } = session;
            await runCommand(page, 'Parity: Diff with Target...');
            const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
            const machine = rows.filter({ hasText: 'This machine' }).first();
            await machine.waitFor({ state: 'visible', timeout: 30_000 });
            await machine.click();
            // The second pick (its own placeholder) lists the engine's images once it answers; filter down to the drift image.
            const second = page.locator(
                '.quick-input-widget .quick-input-box input[placeholder*="with which environment"]',
            );
            await second.waitFor({ state: 'visible', timeout: 15_000 });
            await second.fill(tag);
            const image = rows.filter({ hasText: tag }).first();
            await image.waitFor({ state: 'visible', timeout: 30_000 });
            // Enter, not a click: the list may still re-render as saved snapshots arrive, and only this image matches.
            await page.keyboard.press('Enter');
            await page
                .locator('.editor-group-container .tab.active', { hasText: `↔ image:${tag}.parity-report` })
                .first()
                .waitFor({ state: 'visible', timeout: 120_000 });
            const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
            await waitFor(
                'the report names both sides',
                async () => {
                    // Monaco renders spaces as no-break spaces.
                    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
                    return /Parity Report/.test(text) && text.includes(`to: image:${tag}`);
                },
                15_000,
            );
            // The editor's language, as the status bar shows it: the report is a Parity Report document.
            await waitFor(
                'the Parity Report language',
                async () => (await readStatusBar(page)).some((item) => item.text === 'Parity Report'),
                10_000,
            );
        }));

    it('the Problems panel lists the drift on the Dockerfile, from Parity', () =>
        step('diff-problems', async () => {
            const { page } = session;
            await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
            const problem = page
                .locator('.markers-panel .monaco-list-row', {
                    hasText: /time zone is .* Pacific\/Chatham|Pacific\/Chatham/,
                })
                .first();
            await problem.waitFor({ state: 'visible', timeout: 15_000 });
            assert.match(await problem.innerText(), /Parity/);
        }));

    it('the Findings view groups the findings by facet, with counts, after a summary row', () =>
        step('diff-findings', async () => {
            const { page } = session;
            await openViewContainer(page, 'Parity');
            await setPaneExpanded(page, 'Images', false);
            await setPaneExpanded(page, 'Containers', false);
            await setPaneExpanded(page, 'Targets', false);
            await setPaneExpanded(page, 'Findings', true);
            let rows: Awaited<ReturnType<typeof readTreeItems>> = [];
            await waitFor(
                'a timezone group in the Findings view',
                async () => {
                    rows = await readTreeItems(page, 'Findings', 15_000);
                    return rows.some((row) => row.label === 'timezone (1)' && row.level === 1);
                },
                15_000,
            );
            assert.match(rows[0]?.description ?? '', /ignored · \d+ unknown/, JSON.stringify(rows[0]));
            const zone = rows.findIndex((row) => row.label === 'timezone (1)');
            assert.equal(rows[zone]?.description, '1 warning');
            assert.equal(rows[zone + 1]?.label, 'name', 'the finding under its facet');
            assert.match(rows[zone + 1]?.description ?? '', /→ Pacific\/Chatham/);
        }));

    it('the status bar keeps the counts of the last diff', () =>
        step('diff-status-bar', async () => {
            await waitFor(
                'the diff counts in the status bar',
                async () =>
                    (await readStatusBar(session.page)).some(
                        (item) => /Parity diff/.test(item.ariaLabel) && /\d+/.test(item.text),
                    ),
                10_000,
            );
        }));
});
