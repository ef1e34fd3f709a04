// UI test of the everyday actions, as a person does them in code-server (headless Chromium) with the VSIX,
// against the real engine and the test bed's registry: fixing `.nvmrc` in the editor and saving clears its
// finding without a new snapshot; Attach Shell on a running container opens a terminal whose shell answers;
// Push to Registry… on an image row lands the tag in the registry. The docker CLI and the registry's API witness.
// Copy docker run Command is in runInSandbox.test.ts, which already has a sandbox running.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { QUIET_USER_SETTINGS } from '../host/codeServer';
import { dockerCli as docker } from '../../support/dockerCli';
import {
    contextMenu,
    openFile,
    openViewContainer,
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

const RUN = `${process.pid}`;
const TEST_LABEL = `parity.test=ui-everyday-${RUN}`;
const REGISTRY = process.env.PARITY_REGISTRY_ADDR ?? '127.0.0.1:5000';
const PUSH_REPOSITORY = 'parity-ui-push';
const README_SHOTS = ['everyday-fresh-findings', 'everyday-attach-shell'];

function engineAnswers(): boolean {
    try {
        docker(['version', '--format', '{{.Server.Version}}']);
        return true;
    } catch {
        return false;
    }
}

/** The text of the Problems panel's rows (it shows a message of its own when there are none). */
async function problemsText(page: Page): Promise<string> {
    return (await page.locator('.markers-panel').first().innerText()).replace(/\u00a0/g, ' ');
}

before(() => {
    assert.ok(existsSync(UI_VSIX), `${UI_VSIX} is missing — run: node scripts/package.mjs`);
    assert.ok(engineAnswers(), 'no Docker engine answers — run: bash scripts/testbed.sh up engine');
});

describe('Everyday actions', () => {
    let session: UiSession;
    let folder: string;
    const major =
        execFileSync('node', ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '').split('.')[0] ?? '';
    const shell = `parity-ui-shell-${RUN}`;
    const pushSource = `parity-ui-push-src-${RUN}`;
    const steps = new ScreenshotSteps(() => session.page, UI_RESULTS, README_SHOTS);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    before(async () => {
        assert.notEqual(major, '18', 'this test pins .nvmrc to 18 and needs another node on the host');
        folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-everyday-')), 'everyday');
        cpSync(join(REPO_ROOT, 'examples', 'hello-node'), folder, { recursive: true });
        writeFileSync(join(folder, '.nvmrc'), '18\n');
        session = await startUiSession(UI_VSIX, folder, {
            env: { DOCKER_HOST: '' },
            // The DOM renderer: the terminal's text is in .xterm-rows, where the test reads it.
            settings: { ...QUIET_USER_SETTINGS, 'terminal.integrated.gpuAcceleration': 'off' },
        });
    });
    after(async () => {
        for (const id of docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}`])
            .split('\n')
            .filter(Boolean)) {
            docker(['rm', '--force', id]);
        }
        for (const ref of [`${pushSource}:test`, `${REGISTRY}/${PUSH_REPOSITORY}:test`]) {
            try {
                docker(['rmi', ref]);
            } catch {
                // Not made, or gone already.
            }
        }
        await session.close({ keep: steps.failed });
    });

    it('a snapshot of a project pinned to node 18 shows the mismatch in Problems and Findings', () =>
        step('everyday-stale-pin', async () => {
            const page = session.page;
            await runCommand(page, 'Parity: Snapshot Environment');
            await waitForNotification(page, /\. 2 findings — see the Problems panel\.$/, 60_000);
            await page.keyboard.press('Control+Shift+M');
            await waitFor('.nvmrc in Problems', async () => /\.nvmrc/.test(await problemsText(page)), 15_000);
            await openViewContainer(page, 'Parity');
            await setPaneExpanded(page, 'Targets', false);
            await setPaneExpanded(page, 'Findings', true);
            await waitFor(
                'the .nvmrc finding in Findings',
                async () =>
                    (await readTreeItems(page, 'Findings', 15_000)).some((row) =>
                        /node/i.test(`${row.label} ${row.description}`),
                    ),
                15_000,
            );
            await openFile(page, '.nvmrc');
            // Open, the pin file is also checked by the language server: the same mismatch must still be listed once.
            // Its answer arrives within moments of opening; watch the panel for a while so a repeat would be seen.
            await page.keyboard.press('Control+Shift+M');
            const listings = async (): Promise<number> =>
                (await problemsText(page)).match(/asks for node 18/g)?.length ?? 0;
            await waitFor('the .nvmrc mismatch in Problems', async () => (await listings()) >= 1, 15_000);
            for (let check = 0; check < 16; check += 1) {
                assert.ok(
                    (await listings()) <= 1,
                    `the .nvmrc mismatch is listed more than once in Problems:\n${await problemsText(page)}`,
                );
                await page.waitForTimeout(500);
            }
            await page.mouse.move(0, 0);
        }));

    it("typing the host's major into .nvmrc and saving (Ctrl+S) clears its findings from Problems and Findings", () =>
        step('everyday-fresh-findings', async () => {
            const page = session.page;
            await openFile(page, '.nvmrc');
            await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
            await page.keyboard.press('Control+A');
            await page.keyboard.type(major);
            await page.keyboard.press('Control+S');
            await page
                .locator('.editor-group-container .tab.active.dirty')
                .first()
                .waitFor({ state: 'detached', timeout: 15_000 });

            await waitFor('.nvmrc gone from Problems', async () => !/\.nvmrc/.test(await problemsText(page)), 30_000);
            await waitFor(
                'the clean Findings row',
                async () =>
                    (await readTreeItems(page, 'Findings', 15_000)).some((row) =>
                        /^No mismatches \(captured at .+\)$/.test(row.label),
                    ),
                15_000,
            );
            await page.mouse.move(0, 0);
        }));

    it('Attach Shell on a running container opens a terminal whose shell runs what is typed: parity-42', () =>
        step('everyday-attach-shell', async () => {
            const page = session.page;
            docker([
                'run',
                '--detach',
                '--name',
                shell,
                '--label',
                'parity.managed=true',
                '--label',
                TEST_LABEL,
                'debian:bookworm-slim',
                'sleep',
                '300',
            ]);
            await openViewContainer(page, 'Parity');
            await setPaneExpanded(page, 'Findings', false);
            await setPaneExpanded(page, 'Images', false);
            await setPaneExpanded(page, 'Containers', true);
            const row = treeRow(page, 'Containers', shell);
            await row.waitFor({ state: 'visible', timeout: 30_000 });
            await contextMenu(page, row, 'Attach Shell');
            await page
                .locator('.terminal-tab, .terminal-tabs-entry, .single-terminal-tab', { hasText: `shell in ${shell}` })
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
            const rows = page.locator('.terminal-wrapper.active .xterm-rows').first();
            await rows.waitFor({ state: 'visible', timeout: 15_000 });
            // The prompt first: what is typed before the shell runs would be lost.
            await waitFor("the shell's prompt", async () => /[#$]\s*$/m.test(await rows.innerText()), 30_000);
            // terminal.show() gave it the focus (a click would land on the widget layer over the rows).
            await waitFor(
                'the terminal has the focus',
                async () => /\bxterm-focus\b/.test((await rows.getAttribute('class')) ?? ''),
                10_000,
            );
            await page.keyboard.type('echo parity-$((6*7))');
            await page.keyboard.press('Enter');
            await waitFor(
                'parity-42 in the terminal',
                async () => /^parity-42\s*$/m.test((await rows.innerText()).replace(/\u00a0/g, ' ')),
                20_000,
            );
        }));

    it('Push to Registry… on an image row, typed 127.0.0.1:5000/parity-ui-push:test, lands the tag in the registry', () =>
        step('everyday-push', async () => {
            const page = session.page;
            // A fresh image of this test, labelled as Parity's so it is listed first and expanded.
            execFileSync(
                'docker',
                [
                    'build',
                    '--quiet',
                    '--label',
                    'parity.managed=true',
                    '--label',
                    TEST_LABEL,
                    '--tag',
                    `${pushSource}:test`,
                    '-',
                ],
                { input: 'FROM busybox:latest\n', encoding: 'utf8' },
            );
            await setPaneExpanded(page, 'Containers', false);
            await setPaneExpanded(page, 'Images', true);
            const repository = treeRow(page, 'Images', pushSource);
            await repository.waitFor({ state: 'visible', timeout: 30_000 });
            const index = Number(await repository.getAttribute('data-index'));
            await contextMenu(
                page,
                repository.locator('xpath=..').locator(`.monaco-list-row[data-index="${index + 1}"]`),
                'Push to Registry...',
            );
            const input = page.locator('.quick-input-widget .quick-input-box input');
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            const target = `${REGISTRY}/${PUSH_REPOSITORY}:test`;
            await input.fill(target);
            await page.keyboard.press('Enter');
            await waitForNotification(page, `pushed ${target}`, 120_000);
            const tags = (await (await fetch(`http://${REGISTRY}/v2/${PUSH_REPOSITORY}/tags/list`)).json()) as {
                tags?: string[] | null;
            };
            assert.ok(tags.tags?.includes('test'), JSON.stringify(tags));
            // Removed from the test bed's registry again (it allows deletes; the empty repository name stays).
            const manifest = await fetch(`http://${REGISTRY}/v2/${PUSH_REPOSITORY}/manifests/test`, {
                method: 'HEAD',
                headers: {
                    Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
                },
            });
            const digest = manifest.headers.get('docker-content-digest');
            assert.ok(digest, `the registry names the manifest's digest (HEAD ${manifest.status})`);
            const removed = await fetch(`http://${REGISTRY}/v2/${PUSH_REPOSITORY}/manifests/${digest}`, {
                method: 'DELETE',
            });
            assert.equal(removed.status, 202, 'the registry deleted the pushed manifest');
        }));
});
