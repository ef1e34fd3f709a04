// UI tests for the Images and Containers views: live updates from the engine's event stream, context-menu
// actions, and recovery after the engine restarts — in code-server (headless Chromium) with the VSIX that
// `node scripts/package.mjs` makes, against the real engine. The engine restart comes last and the engine is
// brought back even if the test fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { dockerCli as docker } from '../../support/dockerCli';
import { containerState, removeViewsTestResources, runTestContainer } from '../../support/viewsTestKit';
import {
    contextMenu,
    openViewContainer,
    readTreeItems,
    REPO_ROOT,
    screenshot,
    ScreenshotSteps,
    setPaneExpanded,
    startUiSession,
    treeRow,
    UI_RESULTS,
    UI_VSIX,
    type UiSession,
    waitFor,
} from './workbench';

const root = REPO_ROOT;
const results = UI_RESULTS;
const vsix = UI_VSIX;
const UNREACHABLE = /^Docker not reachable/;

function engineAnswers(): boolean {
    try {
        docker(['version', '--format', '{{.Server.Version}}']);
        return true;
    } catch {
        return false;
    }
}

function testbed(...args: string[]): void {
    execFileSync('bash', [join(root, 'scripts', 'testbed.sh'), ...args], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DOCKER_HOST: '' },
    });
}

async function labels(page: Page, view: string): Promise<string[]> {
    return (await readTreeItems(page, view, 30_000)).map((row) => row.label);
}

before(() => {
    assert.ok(existsSync(vsix), `${vsix} is missing — run: node scripts/package.mjs`);
    assert.ok(engineAnswers(), 'no Docker engine answers — run: bash scripts/testbed.sh up engine');
});

describe('Images and Containers views, live', () => {
    let session: UiSession;
    const name = 'parity-ui-views';

    before(async () => {
        removeViewsTestResources();
        const folder = join(mkdtempSync(join(tmpdir(), 'parity-ui-ws-')), 'hello-node');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        session = await startUiSession(vsix, folder, { env: { DOCKER_HOST: '' } });
        await openViewContainer(session.page, 'Parity');
        // Room for the Containers rows: the other panes collapsed (Images stays visible, as a header).
        await setPaneExpanded(session.page, 'Targets', false);
        await setPaneExpanded(session.page, 'Findings', false);
        await setPaneExpanded(session.page, 'Images', false);
        await labels(session.page, 'Containers');
    });
    after(async () => {
        // Whatever happened, the engine is up again for whoever comes next.
        if (!engineAnswers()) {
            testbed('up', 'engine');
        }
        removeViewsTestResources();
        await session.close({ keep: steps.failed });
    });

    const steps = new ScreenshotSteps(() => session.page, results);
    const step = (shot: string, body: () => Promise<void>): Promise<void> => steps.run(shot, body);

    it('shows a container started from the CLI without a refresh', () =>
        step('views-container-appears', async () => {
            runTestContainer(name, ['-p', '127.0.0.1::80']);
            const ms = await waitFor(
                `${name} in the Containers view`,
                async () => (await treeRow(session.page, 'Containers', name).count()) > 0,
                15_000,
            );
            console.log(`views (UI): docker run returned → row on screen in ${ms} ms (polled every 100 ms)`);
            // It may show up as "created" first: create and start are two events, often in two batches.
            const description = (): Promise<string> =>
                treeRow(session.page, 'Containers', name).locator('.label-description').innerText();
            await waitFor(
                'the row shows it running, with its port',
                async () => /busybox · localhost:\d+ · running/.test(await description()),
                10_000,
            );
        }));

    it('Stop from the context menu stops it (the docker CLI agrees), and the row says so', () =>
        step('views-container-stopped', async () => {
            await contextMenu(session.page, treeRow(session.page, 'Containers', name), 'Stop');
            await waitFor(`${name} exited`, () => containerState(name) === 'exited', 15_000);
            await waitFor(
                'the row shows the exit code',
                async () =>
                    /exited \(0\)/.test(
                        await treeRow(session.page, 'Containers', name).locator('.label-description').innerText(),
                    ),
                10_000,
            );
        }));

    it('Remove from the context menu removes it, and the row goes', () =>
        step('views-container-removed', async () => {
            await contextMenu(session.page, treeRow(session.page, 'Containers', name), 'Remove Container...');
            await waitFor(`${name} removed`, () => containerState(name) === undefined, 15_000);
            await waitFor(
                'the row is gone',
                async () => (await treeRow(session.page, 'Containers', name).count()) === 0,
                10_000,
            );
        }));

    it('after the engine restarts, both views recover by themselves (no click)', () =>
        step('views-recovered', async () => {
            await setPaneExpanded(session.page, 'Images', true);
            assert.ok(!(await labels(session.page, 'Images')).some((label) => UNREACHABLE.test(label)));
            testbed('down', 'engine');
            assert.ok(
                !engineAnswers(),
                'the engine still answers after `testbed.sh down engine`: it was not started by the test bed, so this test cannot restart it',
            );
            const downMs = await waitFor(
                'both views say Docker is not reachable',
                async () =>
                    (await labels(session.page, 'Containers')).some((label) => UNREACHABLE.test(label)) &&
                    (await labels(session.page, 'Images')).some((label) => UNREACHABLE.test(label)),
                30_000,
            );
            await screenshot(session.page, join(results, 'views-engine-down.png'));
            testbed('up', 'engine');
            const upMs = await waitFor(
                'both views list the engine again',
                async () => {
                    const images = await labels(session.page, 'Images');
                    const containers = await labels(session.page, 'Containers');
                    return (
                        images.length > 0 &&
                        containers.length > 0 &&
                        ![...images, ...containers].some((label) => UNREACHABLE.test(label))
                    );
                },
                60_000,
            );
            console.log(
                `views (UI): engine stopped → "not reachable" shown in ${downMs} ms; \`testbed.sh up engine\` returned → views recovered in ${upMs} ms`,
            );
        }));
});
