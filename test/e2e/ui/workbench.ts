// Playwright helpers for UI tests: a person's view of code-server's workbench (headless Chromium) with the
// extension installed from a VSIX. Selectors are VS Code's own DOM classes (1.139).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
    CHROMIUM_ARGS,
    findVsCodeHost,
    installExtension,
    startCodeServer,
    writeUserSettings,
    type CodeServer,
} from '../host/codeServer';

/** The repository, the folder UI tests leave screenshots and logs in, and the VSIX `node scripts/package.mjs` made. */
export const REPO_ROOT = path.join(__dirname, '..', '..', '..');
export const UI_RESULTS = path.join(REPO_ROOT, 'test-results');
export const PARITY_VERSION = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
export const UI_VSIX = path.join(REPO_ROOT, 'out', 'vsix', `parity-${PARITY_VERSION}.vsix`);
/** Where the UI tests leave the screenshots README shows: each run makes them anew, so they never go stale. */
export const README_MEDIA = path.join(REPO_ROOT, 'docs', 'media');

export { waitFor } from '../../support/waitFor';

/** The part of the DOM's Element these helpers read inside the page (the project compiles without lib.dom). */
interface DomElement {
    readonly id: string;
    readonly innerText: string;
    getAttribute(name: string): string | null;
    querySelector(selector: string): DomElement | null;
}

export interface Workbench {
    readonly page: Page;
    readonly context: BrowserContext;
    /** From navigation to a visible workbench with its status bar. */
    readonly loadMs: number;
    close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
    readonly chromium?: string;
    readonly timeoutMs?: number;
    readonly viewport?: { width: number; height: number };
}

export async function openWorkbench(url: string, folder: string, opts: OpenWorkbenchOptions = {}): Promise<Workbench> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: opts.chromium ?? findVsCodeHost().chromium,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: opts.viewport ?? { width: 1400, height: 900 },
    });
    const close = async (): Promise<void> => {
        await context.close().catch(() => undefined);
        fs.rmSync(profile, { recursive: true, force: true });
    };
    try {
        const page = context.pages()[0] ?? (await context.newPage());
        const started = Date.now();
        await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
        const timeout = opts.timeoutMs ?? 60_000;
        await page.locator('.monaco-workbench').waitFor({ timeout });
        await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
        return { page, context, loadMs: Date.now() - started, close };
    } catch (error) {
        await close();
        throw error;
    }
}

export interface UiSession {
    readonly server: CodeServer;
    readonly workbench: Workbench;
    readonly page: Page;
    /** Profile, extensions and code-server.log of this session. */
    readonly dir: string;
    /** Stops Chromium and code-server; removes `dir` unless `keep` (e.g. when the test failed). */
    close(opts?: { keep?: boolean }): Promise<void>;
}

export interface UiSessionOptions {
    /** Extra environment for code-server and so for the extension host (e.g. DOCKER_HOST). */
    readonly env?: NodeJS.ProcessEnv;
    /** The profile's user settings instead of QUIET_USER_SETTINGS. */
    readonly settings?: Readonly<Record<string, unknown>>;
}

/** A fresh profile with `vsix` installed, code-server started on it and the workbench opened on `folder`. */
export async function startUiSession(vsix: string, folder: string, opts: UiSessionOptions = {}): Promise<UiSession> {
    const host = findVsCodeHost();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ui-'));
    const profile = { host, userDataDir: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions') };
    writeUserSettings(profile.userDataDir, opts.settings);
    installExtension(vsix, profile);
    const server = await startCodeServer({
        ...profile,
        logFile: path.join(dir, 'code-server.log'),
        ...(opts.env ? { env: opts.env } : {}),
    });
    // code-server runs in its own process group: end it even if the test process dies without close().
    const stopOnExit = (): void => server.stopNow();
    process.once('exit', stopOnExit);
    try {
        const workbench = await openWorkbench(server.url, folder, { chromium: host.chromium });
        return {
            server,
            workbench,
            page: workbench.page,
            dir,
            close: async ({ keep = false } = {}) => {
                await workbench.close();
                await server.stop();
                process.removeListener('exit', stopOnExit);
                if (!keep) {
                    fs.rmSync(dir, { recursive: true, force: true });
                }
            },
        };
    } catch (error) {
        await server.stop();
        process.removeListener('exit', stopOnExit);
        throw error;
    }
}

/**
 * Runs a command from the palette (F1) by its full title, e.g. "Parity: Show Log". The palette lists the
 * commands registered when it opens, and right after the workbench appears the extension host may not have
 * registered them yet ("No matching commands"): so it reopens the palette until the command shows up.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
        if (await tryRunCommand(page, title, Math.max(1000, Math.min(3000, deadline - Date.now())))) {
            return;
        }
        await page.keyboard.press('Escape');
        if (Date.now() >= deadline) {
            throw new Error(
                `command "${title}" did not appear in the command palette within ${timeoutMs / 1000} s (${attempt} tries)`,
            );
        }
        await page.waitForTimeout(500);
    }
}

async function tryRunCommand(page: Page, title: string, timeoutMs: number): Promise<boolean> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${title}`);
    const row = page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(title) }) })
        .first();
    try {
        await row.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
        return false;
    }
    await row.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
    return true;
}

/** Messages of the notification toasts on screen, and of the notification center when it is open. */
export async function readNotifications(page: Page): Promise<string[]> {
    const messages = page.locator(
        '.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message',
    );
    return (await messages.allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '');
}

export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const message = page
        .locator('.notifications-toasts .notification-list-item-message')
        .filter({ hasText: text })
        .first();
    await message.waitFor({ state: 'visible', timeout: timeoutMs });
    return (await message.innerText()).trim();
}

export interface StatusBarItem {
    readonly id: string;
    readonly text: string;
    readonly ariaLabel: string;
}

export async function readStatusBar(page: Page): Promise<StatusBarItem[]> {
    // One evaluate: the status bar re-renders while items arrive, so reading element by element can mix them up.
    const items = await page.locator('.part.statusbar .statusbar-item').evaluateAll((elements: DomElement[]) =>
        elements.map((element) => ({
            id: element.id,
            text: element.innerText.trim(),
            ariaLabel:
                element.querySelector('a')?.getAttribute('aria-label') ?? element.getAttribute('aria-label') ?? '',
        })),
    );
    return items.filter((item) => item.text !== '' || item.ariaLabel !== '');
}

/** Opens a view container (activity bar entry) by its title; leaves it open if it already is. */
export async function openViewContainer(page: Page, title: string, timeoutMs = 10_000): Promise<void> {
    const sidebarTitle = page.locator('.part.sidebar .composite.title h2');
    if (
        (await sidebarTitle.count()) > 0 &&
        (await sidebarTitle.first().innerText()).trim().toLowerCase().startsWith(title.toLowerCase())
    ) {
        return;
    }
    const item = page
        .locator(`.part.activitybar .action-item a.action-label[aria-label^="${cssString(title)}"]`)
        .first();
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    await item.click();
    // Move away so the activity bar's hover label does not cover the side bar in screenshots.
    await page.mouse.move(0, 0);
    await sidebarTitle.filter({ hasText: new RegExp(`^${escapeRegExp(title)}`, 'i') }).waitFor({ timeout: timeoutMs });
}

export interface TreeItem {
    readonly label: string;
    readonly description: string;
    readonly level: number;
    /** undefined for a leaf. */
    readonly expanded: boolean | undefined;
}

/**
 * Rows of the tree in the view titled `viewTitle` in the open side bar, expanding its pane when collapsed.
 * A container with a single view has no pane header; then that one view is read.
 */
export async function readTreeItems(page: Page, viewTitle: string, timeoutMs = 10_000): Promise<TreeItem[]> {
    const sidebar = page.locator('.part.sidebar');
    const panes = sidebar.locator('.pane');
    let pane: Locator = panes
        .filter({ has: page.locator('.pane-header .title', { hasText: exactly(viewTitle) }) })
        .first();
    if ((await pane.count()) === 0) {
        pane = panes.first();
    }
    const header = pane.locator('.pane-header');
    if ((await header.count()) > 0 && (await header.getAttribute('aria-expanded')) === 'false') {
        await header.click();
    }
    const rows = pane.locator('.pane-body .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
    // No named functions inside page callbacks: tsx (esbuild keepNames) wraps them in a __name() helper
    // that does not exist in the page.
    return rows.evaluateAll((elements: DomElement[]) =>
        elements.map((row) => {
            const expanded = row.getAttribute('aria-expanded');
            return {
                label: (row.querySelector('.label-name') ?? row).innerText.trim(),
                description: row.querySelector('.label-description')?.innerText.trim() ?? '',
                level: Number(row.getAttribute('aria-level') ?? '1'),
                expanded: expanded === null ? undefined : expanded === 'true',
            };
        }),
    );
}

/** The pane of the view titled `title` in the side bar. */
export function pane(page: Page, title: string): Locator {
    return page
        .locator('.part.sidebar .pane')
        .filter({ has: page.locator('.pane-header .title', { hasText: exactly(title) }) })
        .first();
}

/** Expands or collapses a view's pane by its header. */
export async function setPaneExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
    const header = pane(page, title).locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
        await header.click();
    }
}

/** The row labelled exactly `label` in the tree of the view titled `view`. */
export function treeRow(page: Page, view: string, label: string | RegExp): Locator {
    return pane(page, view)
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: typeof label === 'string' ? exactly(label) : label }) })
        .first();
}

/**
 * Right-clicks a tree row and picks `item` from its context menu. A click that lands while the menu is
 * still settling can be ignored by the workbench (the menu stays open): then it clicks again.
 */
export async function contextMenu(page: Page, row: Locator, item: string): Promise<void> {
    await row.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu').first();
    const entry = menu.locator('.action-item .action-label', { hasText: exactly(item) }).first();
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    for (let attempt = 1; ; attempt++) {
        await entry.click();
        try {
            await menu.waitFor({ state: 'hidden', timeout: 1500 });
            return;
        } catch (error) {
            if (attempt === 3) {
                await page.keyboard.press('Escape');
                throw error;
            }
        }
    }
}

/**
 * Opens a workspace file in the editor through Quick Open, as a person would (F1, then the file's name). The
 * first file search of a fresh window can come back empty while the workbench is still busy starting (seen
 * with "Activating Extensions…" on screen): then Quick Open is closed and asked again, until the deadline.
 */
export async function openFile(page: Page, relativePath: string, timeoutMs = 60_000): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    const row = page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) })
        .first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill(relativePath);
        try {
            await row.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(15_000, deadline - Date.now())) });
            break;
        } catch (error) {
            await page.keyboard.press('Escape');
            if (Date.now() >= deadline) {
                throw error;
            }
        }
    }
    await row.click();
    await page
        .locator('.editor-group-container .tab.active', { hasText: name })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
}

/** The CodeLens in the active editor whose text contains `title` (VS Code renders them as links above lines). */
export function codeLens(page: Page, title: string): Locator {
    return page.locator('.editor-group-container.active .codelens-decoration a', { hasText: title }).first();
}

/**
 * The steps of one UI session: each ends with a screenshot named after it (`NAME-failed.png` when it threw),
 * and `failed` says whether any threw, so the session's files can be kept for reading. The shots named in
 * `readme` are also written to README_MEDIA, where README.md shows them.
 */
export class ScreenshotSteps {
    failed = false;

    constructor(
        private readonly page: () => Page,
        private readonly dir: string,
        private readonly readme: readonly string[] = [],
    ) {}

    async run(shot: string, body: () => Promise<void>): Promise<void> {
        try {
            await body();
            const file = await screenshot(this.page(), path.join(this.dir, `${shot}.png`));
            if (this.readme.includes(shot)) {
                fs.mkdirSync(README_MEDIA, { recursive: true });
                fs.copyFileSync(file, path.join(README_MEDIA, `${shot}.png`));
            }
        } catch (error) {
            this.failed = true;
            await screenshot(this.page(), path.join(this.dir, `${shot}-failed.png`)).catch(() => undefined);
            throw error;
        }
    }
}

export async function screenshot(page: Page, file: string): Promise<string> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    return file;
}

function exactly(text: string): RegExp {
    return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(text: string): string {
    return text.replace(/["\\]/g, '\\$&');
}
