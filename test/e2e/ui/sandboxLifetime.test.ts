// A sandbox lives as long as its window, in the real VS Code (code-server, headless Chromium, the VSIX) against
// the real engine: reloading the window (its extension host deactivates) stops and removes the sandbox it
// started, and a sandbox whose window was killed is offered for removal when the next window shows the
// Containers view. The docker CLI checks each step by label.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../../src/core/Logger';
import { parseEngineAddress } from '../../../src/core/engineAddress';
import { ownerLabel } from '../../../src/core/sandbox/sandboxOwner';
import { EngineClient } from '../../../src/engine/EngineClient';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { runSandbox } from '../../../src/pipeline/runSandbox';
import { dockerCli as docker } from '../../support/dockerCli';
import {
    openViewContainer,
    PARITY_VERSION,
    REPO_ROOT,
    runCommand,
    ScreenshotSteps,
    startUiSession,
    UI_RESULTS,
    UI_VSIX,
    type UiSession,
    waitFor,
    waitForNotification,
} from './workbench';

const root = REPO_ROOT;
const results = UI_RESULTS;
const vsix = UI_VSIX;

describe('Sandboxes do not outlive their window, in the real VS Code', () => {
    let session: UiSession;
    let folder: string;
    let orphan: string | undefined;
    const client = new EngineClient(
        { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
        { log: silentLogger },
    );
    const sandboxes = (): string[] =>
        docker(['ps', '-aq', '--filter', 'label=parity.purpose=sandbox', '--filter', `label=parity.project=${folder}`])
            .split('\n')
            .filter(Boolean);
    const exists = (name: string): boolean => docker(['ps', '-aq', '--filter', `name=^${name}$`]) !== '';

    before(async () => {
        assert.ok(existsSync(vsix), `${vsix} is missing — run: node scripts/package.mjs`);
        folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-lifetime-')), 'ui lifetime');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
    });
    after(async () => {
        for (const id of sandboxes()) {
            docker(['rm', '--force', id]);
        }
        if (orphan !== undefined && exists(orphan)) {
            docker(['rm', '--force', orphan]);
        }
        try {
            docker(['rmi', '--force', imageTagFor(folder)]);
        } catch {
            // Never built: the first step failed before packaging.
        }
        await session.close({ keep: steps.failed });
    });

    const steps = new ScreenshotSteps(() => session.page, results);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    it('reloading the window stops and removes the sandbox it started', () =>
        step('lifetime-reload', async () => {
            await runCommand(session.page, 'Parity: Run in Sandbox');
            await waitForNotification(session.page, /is ready at http:\/\/127\.0\.0\.1:\d+/, 180_000);
            assert.equal(sandboxes().length, 1, 'one sandbox labelled with this folder');
            await runCommand(session.page, 'Developer: Reload Window');
            await waitFor('the sandbox is removed once its window has gone', () => sandboxes().length === 0, 15_000);
        }));

    it('a sandbox whose window was killed is offered for removal when the Containers view shows, and Remove removes it', () =>
        step('lifetime-orphan', async () => {
            // A window that no longer exists: an extension host pid that has ended, on this host.
            const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
            assert.ok(deadPid);
            const { sandbox } = await runSandbox(client, 'image:busybox:latest', {
                settings: { ownerLabel: ownerLabel({ host: hostname(), pid: deadPid }) },
                command: ['sleep', '600'],
                log: silentLogger,
                toolVersion: PARITY_VERSION,
            });
            orphan = sandbox.name;
            sandbox.detach();
            assert.ok(exists(orphan), 'the abandoned sandbox runs');
            await session.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
            await openViewContainer(session.page, 'Parity', 30_000);
            const toast = session.page
                .locator('.notifications-toasts .notification-list-item')
                .filter({ hasText: /left running by a closed window/ })
                .first();
            await toast.waitFor({ state: 'visible', timeout: 30_000 });
            await toast.locator('.monaco-button', { hasText: /^Remove$/ }).click();
            const name = orphan;
            await waitFor('the abandoned sandbox is removed', () => !exists(name), 20_000);
        }));
});
