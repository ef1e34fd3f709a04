// UI test for the Targets view, as a person uses it: a team target in .parity/config.json whose engine is dead
// (and one that is not a target at all), then Add Target... — an engine address typed in (the test bed's
// "cloud" engine over tcp:// with mutual TLS), Container, a container really running there, a name — and the
// row appears, reachable, while the dead one says "not reachable"; Diff with This Project then opens the
// Parity Report of this project against that container, and the row's snapshot facts fill in.
// code-server in headless Chromium with the VSIX, against the real engines of the test bed.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
    CERTS,
    CLOUD_TLS,
    cloudCli,
    requireRemoteTestbed,
    SSH_CLOUD,
    SSH_DIR,
    SWARM_SERVICE,
} from '../../engine/remoteTestbed';
import { IDLE_COMMAND } from '../../support/viewsTestKit';
import {
    contextMenu,
    openViewContainer,
    readTreeItems,
    REPO_ROOT,
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
const DEAD = 'tcp://127.0.0.1:1';

/**
 * Add Target... from the palette, until its first step is on screen. Not runCommand(): that waits for the
 * quick input to close, and this command opens its own pick in the same widget at once.
 */
async function startAddTarget(page: Page): Promise<void> {
    const first = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Parity: Add Target (1/4)' });
    await waitFor(
        "Add Target's first step",
        async () => {
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget .quick-input-box input');
            await input.waitFor({ state: 'visible', timeout: 5000 });
            await input.fill('>Parity: Add Target...');
            await page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Parity: Add Target...' })
                .first()
                .waitFor({ state: 'visible', timeout: 5000 })
                .catch(() => undefined);
            await page.keyboard.press('Enter');
            try {
                await first.waitFor({ state: 'visible', timeout: 5000 });
                return true;
            } catch {
                await page.keyboard.press('Escape');
                return false;
            }
        },
        30_000,
    );
}

describe('Targets view: Add Target... on a TLS engine, then Diff with This Project, in the real VS Code', () => {
    let session: UiSession;
    let folder: string;
    let knownHosts: string;
    const container = `parity-ui-targets-${process.pid}`;
    const name = 'cloud box';

    before(async () => {
        assert.ok(existsSync(vsix), `${vsix} is missing — run: node scripts/package.mjs`);
        requireRemoteTestbed();
        cloudCli([
            'run',
            '-d',
            '--name',
            container,
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=test',
            '--label',
            'parity.test=targets',
            'busybox',
            ...IDLE_COMMAND,
        ]);
        folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-targets-')), 'targets project');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        mkdirSync(join(folder, '.parity'), { recursive: true });
        writeFileSync(
            join(folder, '.parity', 'config.json'),
            `${JSON.stringify(
                {
                    targets: [
                        { name: 'dead engine', target: `container:api@${DEAD}` },
                        { name: 'typo', target: 'containr:api' },
                    ],
                },
                null,
                2,
            )}\n`,
        );
        // ssh with the test bed's key but a known_hosts that knows no host yet: the first connection is a question.
        knownHosts = join(folder, '..', 'known_hosts');
        writeFileSync(knownHosts, '');
        // TLS to the cloud engine as a user sets it up: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH in the environment.
        session = await startUiSession(vsix, folder, {
            env: {
                DOCKER_HOST: '',
                DOCKER_TLS_VERIFY: '1',
                DOCKER_CERT_PATH: join(CERTS, 'client'),
                SSH_AUTH_SOCK: '',
                PARITY_SSH_IDENTITY_FILE: join(SSH_DIR, 'id_ed25519'),
                PARITY_SSH_KNOWN_HOSTS: knownHosts,
            },
        });
    });
    after(async () => {
        try {
            cloudCli(['rm', '-f', container]);
        } finally {
            await session?.close({ keep: steps.failed });
            rmSync(join(folder, '..'), { recursive: true, force: true });
        }
    });

    const steps = new ScreenshotSteps(() => session.page, results);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);
    const description = async (label: string): Promise<string> =>
        (await readTreeItems(session.page, 'Targets', 30_000)).find((row) => row.label === label)?.description ?? '';

    it("lists the team's dead target as not reachable, and names the entry that is not a target", () =>
        step('targets-dead', async () => {
            const { page } = session;
            await openViewContainer(page, 'Parity', 60_000);
            await setPaneExpanded(page, 'Images', false);
            await setPaneExpanded(page, 'Containers', false);
            await setPaneExpanded(page, 'Findings', false);
            await setPaneExpanded(page, 'Targets', true);
            await waitFor(
                'the dead target says "not reachable"',
                async () => /not reachable — /.test(await description('dead engine')),
                30_000,
            );
            assert.match(
                await description('dead engine'),
                new RegExp(
                    `^container · on ${DEAD.replace(/[.:/]/g, '\\$&')} · not reachable — nothing answers there · no snapshot yet$`,
                ),
            );
            const rows = await readTreeItems(page, 'Targets');
            const invalid = rows.find((row) => row.label === 'Invalid target "typo"');
            assert.ok(invalid, JSON.stringify(rows));
            assert.match(invalid.description, /"containr:api" is not a target kind Parity saves/);
        }));

    it('Add Target...: a typed tcp:// address, Container, a container listed by that engine, a name', () =>
        step('targets-added', async () => {
            const { page } = session;
            await startAddTarget(page);
            const input = page.locator('.quick-input-widget .quick-input-box input');
            const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
            await input.fill(CLOUD_TLS);
            await rows
                .filter({ hasText: `Connect to ${CLOUD_TLS}` })
                .first()
                .waitFor({ state: 'visible', timeout: 10_000 });
            await page.keyboard.press('Enter');
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(2/4)' })
                .waitFor({ state: 'visible', timeout: 10_000 });
            await rows
                .filter({ has: page.locator('.label-name', { hasText: /^\s*Container\s*$/ }) })
                .first()
                .click();
            // Step 3 lists what the cloud engine runs, over TLS: our container is one of them.
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(3/4)' })
                .waitFor({ state: 'visible', timeout: 30_000 });
            // Filtered as a person would: other suites' containers share the engine, and the list only renders what fits.
            await input.fill(container);
            const ours = rows.filter({ hasText: container }).first();
            await ours.waitFor({ state: 'visible', timeout: 30_000 });
            await ours.click();
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(4/4)' })
                .waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill(name);
            await page.keyboard.press('Enter');
            await waitFor(
                'the new target is reachable',
                async () => /· reachable ·/.test(await description(name)),
                30_000,
            );
            assert.equal(await description(name), `container · on ${CLOUD_TLS} · reachable · no snapshot yet`);
            assert.match(await description('dead engine'), /not reachable/, 'the dead target still says so beside it');
            const settings = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<
                string,
                unknown
            >;
            assert.deepEqual(settings['parity.targets'], [{ name, target: `container:${container}@${CLOUD_TLS}` }]);
        }));

    it('Diff with This Project opens the Parity Report against that container, and the row gets its snapshot', () =>
        step('targets-diff', async () => {
            const { page } = session;
            await contextMenu(page, treeRow(page, 'Targets', name), 'Diff with This Project');
            const target = `container:${container}@${CLOUD_TLS}`;
            // The tab's name is the document's, where the address's slashes cannot stay (tcp:_127.0.0.1:2376).
            await page
                .locator('.editor-group-container .tab.active', { hasText: `↔ container:${container}@tcp` })
                .first()
                .waitFor({ state: 'visible', timeout: 120_000 });
            const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
            await waitFor(
                'the report names the target',
                async () => (await editor.innerText()).replace(/\u00a0/g, ' ').includes(`to: ${target}`),
                15_000,
            );
            await waitFor(
                "the row shows the snapshot's age",
                async () => /· snapshot just now$|· snapshot \d+ seconds? ago$/.test(await description(name)),
                15_000,
            );
            await treeRow(page, 'Targets', name).click();
            await waitFor(
                "the row's key facts",
                async () => {
                    const rows = await readTreeItems(page, 'Targets');
                    return (
                        rows.some((row) => row.label === 'Arch' && row.level === 2) &&
                        rows.some((row) => row.label === 'Env vars' && row.level === 2)
                    );
                },
                15_000,
            );
        }));

    it('Diff with Target… from the palette lists the saved target by its name, with its address', () =>
        step('targets-in-picker', async () => {
            const { page } = session;
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget .quick-input-box input');
            await input.waitFor({ state: 'visible', timeout: 5000 });
            await input.fill('>Parity: Diff with Target');
            await page
                .locator('.quick-input-widget .quick-input-list .monaco-list-row', {
                    hasText: 'Parity: Diff with Target',
                })
                .first()
                .waitFor({ state: 'visible', timeout: 5000 });
            await page.keyboard.press('Enter');
            const saved = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name });
            await saved.first().waitFor({ state: 'visible', timeout: 15_000 });
            assert.match(
                await saved.first().innerText(),
                new RegExp(`container:${container}@tcp://127\\.0\\.0\\.1:2376`),
            );
            await page.keyboard.press('Escape');
        }));

    it('Add Target... over ssh:// to an unknown host asks, with the fingerprint; Trust and Connect lists the Swarm services there', () =>
        step('targets-ssh-trust', async () => {
            const { page } = session;
            await startAddTarget(page);
            const input = page.locator('.quick-input-widget .quick-input-box input');
            const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
            await input.fill(SSH_CLOUD);
            await rows
                .filter({ hasText: `Connect to ${SSH_CLOUD}` })
                .first()
                .waitFor({ state: 'visible', timeout: 10_000 });
            await page.keyboard.press('Enter');
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(2/4)' })
                .waitFor({ state: 'visible', timeout: 10_000 });
            await rows
                .filter({ has: page.locator('.label-name', { hasText: /^\s*Swarm service\s*$/ }) })
                .first()
                .click();
            const dialog = page.locator('.monaco-dialog-box');
            await dialog.waitFor({ state: 'visible', timeout: 30_000 });
            const text = (await dialog.innerText()).replace(/\u00a0/g, ' ');
            assert.match(text, /The ssh host 127\.0\.0\.1:\d+ is not known/);
            assert.match(text, /SHA256:[A-Za-z0-9+/]{20,}/);
            assert.ok(text.includes(knownHosts), text);
            assert.equal(readFileSync(knownHosts, 'utf8'), '', 'nothing is trusted before the answer');
            await dialog.locator('.monaco-button', { hasText: 'Trust and Connect' }).first().click();
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(3/4)' })
                .waitFor({ state: 'visible', timeout: 30_000 });
            assert.match(readFileSync(knownHosts, 'utf8'), /^\[127\.0\.0\.1\]:\d+ ssh-\S+ \S+\n$/);
            await input.fill(SWARM_SERVICE);
            const service = rows
                .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${SWARM_SERVICE}\\s*$`) }) })
                .first();
            await service.waitFor({ state: 'visible', timeout: 30_000 });
            await service.click();
            await page
                .locator('.quick-input-widget .quick-input-title', { hasText: '(4/4)' })
                .waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill('web over ssh');
            await page.keyboard.press('Enter');
            await waitFor(
                'the ssh target is reachable',
                async () => /· reachable ·/.test(await description('web over ssh')),
                30_000,
            );
            assert.equal(
                await description('web over ssh'),
                `swarm service · on ${SSH_CLOUD} · reachable · no snapshot yet`,
            );
        }));

    it('Remove asks first and takes the entry out of the settings; a team target points at its file instead', () =>
        step('targets-removed', async () => {
            const { page } = session;
            await contextMenu(page, treeRow(page, 'Targets', 'web over ssh'), 'Remove');
            const dialog = page.locator('.monaco-dialog-box');
            await dialog.waitFor({ state: 'visible', timeout: 15_000 });
            assert.match((await dialog.innerText()).replace(/\u00a0/g, ' '), /Remove the target web over ssh/);
            await dialog
                .locator('.monaco-button', { hasText: /^\s*Remove\s*$/ })
                .first()
                .click();
            await waitFor(
                'the row is gone',
                async () => !(await readTreeItems(page, 'Targets')).some((row) => row.label === 'web over ssh'),
                15_000,
            );
            const settings = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<
                string,
                unknown
            >;
            assert.deepEqual(
                (settings['parity.targets'] as { name: string }[]).map((entry) => entry.name),
                [name],
            );
            await contextMenu(page, treeRow(page, 'Targets', 'dead engine'), 'Remove');
            await waitForNotification(page, /dead engine comes from \.parity\/config\.json, the team's file/);
            assert.ok(
                (await readTreeItems(page, 'Targets')).some((row) => row.label === 'dead engine'),
                "the team's target stays",
            );
        }));
});
