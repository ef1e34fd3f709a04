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
const SANDBOX_ROW = /^parity-sandbox-ui-sandbox-[0-9a-f]{6}$/;

describe('Run in Sandbox from the CodeLens, in the real VS Code', () => {
  let session: UiSession;
  let folder: string;
  const sandboxes = (): string[] =>
    docker(['ps', '-aq', '--filter', 'label=parity.purpose=sandbox', '--filter', `label=parity.project=${folder}`]).split('\n').filter(Boolean);

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

  it('shows "Run in Sandbox" above the start script of package.json', () => step('sandbox-codelens', async () => {
    await openFile(session.page, 'package.json');
    await codeLens(session.page, 'Run in Sandbox').waitFor({ state: 'visible', timeout: 30_000 });
  }));

  it('clicking it packages the app and runs it: "ready at" a loopback URL that answers', () => step('sandbox-ready', async () => {
    await codeLens(session.page, 'Run in Sandbox').click();
    const message = await waitForNotification(session.page, /is ready at http:\/\/127\.0\.0\.1:\d+/, 180_000);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(message)?.[0];
    assert.ok(url);
    assert.match(await waitForHttp(`${url}/healthz`), /ok/);
    assert.equal(sandboxes().length, 1, 'one sandbox labelled with this folder');
  }));

  it('the Containers view shows the sandbox running, first', () => step('sandbox-in-containers-view', async () => {
    await openViewContainer(session.page, 'Parity');
    await setPaneExpanded(session.page, 'Images', false);
    await setPaneExpanded(session.page, 'Targets', false);
    await setPaneExpanded(session.page, 'Findings', false);
    await waitFor('the sandbox row, running', async () => {
      const [first] = await readTreeItems(session.page, 'Containers', 30_000);
      return first !== undefined && SANDBOX_ROW.test(first.label) && /sandbox of ui-sandbox .*running/.test(first.description);
    }, 15_000);
  }));

  it('Stop from its context menu stops and removes it (a label query finds nothing), and the row goes', () => step('sandbox-stopped', async () => {
    await contextMenu(session.page, treeRow(session.page, 'Containers', SANDBOX_ROW), 'Stop');
    await waitFor('the sandbox is removed', () => sandboxes().length === 0, 30_000);
    await waitFor('the row is gone', async () => !(await readTreeItems(session.page, 'Containers', 30_000)).some((row) => SANDBOX_ROW.test(row.label)), 10_000);
  }));

  it('Diff with Target… on the image in the Images view compares it with this machine in a Parity Report', () => step('sandbox-image-diff', async () => {
    await setPaneExpanded(session.page, 'Containers', false);
    await setPaneExpanded(session.page, 'Images', true);
    // Parity's builds come first and expanded: the repository, then its tag.
    await waitFor('the image row', async () => (await readTreeItems(session.page, 'Images', 30_000)).some((row) => row.label === 'parity' && row.level === 2), 15_000);
    // This project's image: the tag row right below its repository (other Parity builds may be listed too).
    const repository = treeRow(session.page, 'Images', imageTagFor(folder).split(':')[0] ?? '');
    const index = Number(await repository.getAttribute('data-index'));
    await contextMenu(session.page, repository.locator('xpath=..').locator(`.monaco-list-row[data-index="${index + 1}"]`), 'Diff with Target...');
    // The row is the image side; the pick asks for the other. Enter, not a click: the list fills in as the engine answers.
    const input = session.page.locator(`.quick-input-widget .quick-input-box input[placeholder*="${imageTagFor(folder)} with which environment"]`);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('This machine');
    await session.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'This machine' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await session.page.keyboard.press('Enter');
    await session.page.locator('.editor-group-container .tab.active', { hasText: `this machine (ui-sandbox) ↔ image:${imageTagFor(folder)}.parity-report` }).waitFor({ state: 'visible', timeout: 60_000 });
  }));
});
