// A real VS Code for e2e tests: code-server (VS Code server + web workbench) installed by
// scripts/testbed/vscode.sh into a cache outside the repo, run by its own Node 24.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

const INSTALL_HINT = 'run: npm run testbed -- up vscode (or: bash scripts/testbed/vscode.sh up)';

export interface VsCodeHost {
    /** Node 24 binary that code-server needs. */
    readonly node: string;
    /** code-server's `out/node/entry.js`. */
    readonly codeServer: string;
    readonly codeServerVersion: string;
    readonly vscodeVersion: string;
    readonly chromium: string;
}

export interface CodeServerOptions {
    readonly userDataDir: string;
    readonly extensionsDir: string;
    /** code-server's stdout and stderr are appended here. */
    readonly logFile: string;
    /** Lets the workbench URL carry `payload=[["extensionTestsPath", …]]` and report back through `codeAutomationExit`. */
    readonly smokeTestDriver?: boolean;
    readonly host?: VsCodeHost;
    readonly startTimeoutMs?: number;
    readonly env?: NodeJS.ProcessEnv;
    /**
     * Workspace Trust on, as for users (the profile also needs RESTRICTED_USER_SETTINGS): a folder no one has
     * trusted opens in Restricted Mode. Off by default, so the other tests do not meet the trust prompt.
     */
    readonly workspaceTrust?: boolean;
}

/** Set (to 1) in the environment of the e2e launcher: its code-server runs with Workspace Trust on. */
export const WORKSPACE_TRUST_ENV = 'PARITY_E2E_WORKSPACE_TRUST';

export interface CodeServer {
    /** `http://127.0.0.1:PORT` without a trailing slash. */
    readonly url: string;
    readonly port: number;
    readonly logFile: string;
    /** Settles when the code-server process ends, for whatever reason. */
    readonly exited: Promise<void>;
    /** SIGTERM to the whole process group, SIGKILL after a grace period. */
    stop(): Promise<void>;
    /** Synchronous SIGKILL of the process group, for `process.on('exit')`. */
    stopNow(): void;
}

export function testbedCacheDir(): string {
    const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
    return path.join(process.env.PARITY_CACHE_DIR ?? path.join(base, 'parity-testbed'), 'vscode');
}

/** Paths written by `scripts/testbed/vscode.sh up`; throws with the command that installs what is missing. */
export function findVsCodeHost(): VsCodeHost {
    const manifestPath = path.join(testbedCacheDir(), 'host.json');
    if (!fs.existsSync(manifestPath)) {
        throw new Error(
            `code-server (the VS Code used by e2e tests) is not installed: ${manifestPath} is missing — ${INSTALL_HINT}`,
        );
    }
    const host = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as VsCodeHost;
    const chromium = process.env.PARITY_CHROMIUM ?? host.chromium;
    const parts: [string, string][] = [
        [`Node 24 for code-server`, host.node],
        [`code-server ${host.codeServerVersion}`, host.codeServer],
        ['Chromium', chromium],
    ];
    for (const [what, file] of parts) {
        if (!fs.existsSync(file)) {
            throw new Error(`${what} is missing at ${file} — ${INSTALL_HINT}`);
        }
    }
    return { ...host, chromium };
}

/**
 * Settings for a test profile: no AI/chat features, no Marketplace or update checks, no start-up editor, so
 * neither the log nor the screen fills with things that need the network or an account.
 */
export const QUIET_USER_SETTINGS: Readonly<Record<string, unknown>> = {
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    // Parity's Getting Started walkthrough opens on first activation otherwise; the first-run test turns it on.
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * A test profile with Workspace Trust on: a folder opens untrusted (Restricted Mode) and no modal start-up
 * prompt stands between the test and the workbench; trust is granted, if at all, in the Workspace Trust editor.
 */
export const RESTRICTED_USER_SETTINGS: Readonly<Record<string, unknown>> = {
    ...QUIET_USER_SETTINGS,
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
};

/**
 * Writes `<userDataDir>/User/settings.json` unless the profile already has one, and the machine-scoped ones
 * among them to `Machine/settings.json` too: code-server's window is a remote one, which ignores machine
 * settings (e.g. `workbench.welcomePage.walkthroughs.openOnInstall`) in the user settings.
 */
export function writeUserSettings(
    userDataDir: string,
    settings: Readonly<Record<string, unknown>> = QUIET_USER_SETTINGS,
): void {
    const file = path.join(userDataDir, 'User', 'settings.json');
    if (fs.existsSync(file)) {
        return;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
    const machine = Object.fromEntries(Object.entries(settings).filter(([key]) => MACHINE_SCOPED.has(key)));
    if (Object.keys(machine).length > 0) {
        fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
        fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), `${JSON.stringify(machine, null, 2)}\n`);
    }
}

/** The settings of QUIET_USER_SETTINGS and the tests' own that VS Code declares machine-scoped. */
const MACHINE_SCOPED = new Set(['workbench.welcomePage.walkthroughs.openOnInstall']);

export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address !== null ? address.port : 0;
            server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not allocate a loopback port'))));
        });
    });
}

/**
 * Runs code-server's CLI once (e.g. `--install-extension x.vsix`) against the given profile and waits for it.
 * `--install-extension` accepts a VSIX or a Marketplace id, not a folder.
 */
export function runCodeServerCli(
    args: readonly string[],
    opts: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir' | 'host'>,
): string {
    const host = opts.host ?? findVsCodeHost();
    const result = spawnSync(
        host.node,
        [host.codeServer, '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir, ...args],
        { encoding: 'utf8', env: isolatedEnv(opts.userDataDir), timeout: 120_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0) {
        throw new Error(
            `code-server ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
        );
    }
    return output;
}

export function installExtension(
    vsix: string,
    opts: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir' | 'host'>,
): string {
    return runCodeServerCli(['--install-extension', vsix, '--force'], opts);
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
    const host = opts.host ?? findVsCodeHost();
    fs.mkdirSync(opts.userDataDir, { recursive: true });
    fs.mkdirSync(opts.extensionsDir, { recursive: true });
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
    const port = await freePort();
    const args = [
        host.codeServer,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(opts.workspaceTrust === true ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--user-data-dir',
        opts.userDataDir,
        '--extensions-dir',
        opts.extensionsDir,
        ...(opts.smokeTestDriver === true ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    // VS Code leaves vscode-ipc-*.sock and vscode-git-*.sock in TMPDIR; a short private one goes away on stop
    // (short, because a unix socket path must stay under 108 bytes).
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-'));
    const log = fs.openSync(opts.logFile, 'a');
    fs.writeSync(log, `# ${new Date().toISOString()} ${host.node} ${args.join(' ')}\n`);
    // Own process group, so stop() also ends the extension host, pty host and file watcher it forks.
    const child = spawn(host.node, args, {
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...isolatedEnv(opts.userDataDir), TMPDIR: tmpDir, ...opts.env },
    });
    fs.closeSync(log);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const server: CodeServer = {
        url,
        port,
        logFile: opts.logFile,
        exited,
        stop: async () => {
            await stopGroup(child, exited);
            fs.rmSync(tmpDir, { recursive: true, force: true });
        },
        stopNow: () => {
            killGroup(child, 'SIGKILL');
            fs.rmSync(tmpDir, { recursive: true, force: true });
        },
    };
    try {
        await waitForHealth(url, child, opts.startTimeoutMs ?? 30_000);
    } catch (error) {
        await server.stop();
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}\n--- ${opts.logFile} (tail) ---\n${tail(opts.logFile, 40)}`, { cause: error });
    }
    return server;
}

/** Keeps code-server's own config and state (config.yaml with a password, last-opened folder) out of $HOME. */
function isolatedEnv(userDataDir: string): NodeJS.ProcessEnv {
    const state = path.join(userDataDir, 'code-server-state');
    return {
        ...process.env,
        XDG_CONFIG_HOME: path.join(state, 'config'),
        XDG_DATA_HOME: path.join(state, 'data'),
    };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`code-server exited during start-up (${child.exitCode ?? child.signalCode})`);
        }
        if (await healthy(`${url}/healthz`)) {
            return;
        }
        await delay(100);
    }
    throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

function healthy(url: string): Promise<boolean> {
    return new Promise((resolve) => {
        const req = http.get(url, { timeout: 1000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
    });
}

/** Signals the whole group: children that outlived the leader (the extension host) still carry its group id. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined) {
        return;
    }
    try {
        process.kill(-child.pid, signal);
    } catch {
        // The group is already gone.
    }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
    const running = child.exitCode === null && child.signalCode === null;
    killGroup(child, 'SIGTERM');
    if (running) {
        const graceful = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
        if (!graceful) {
            killGroup(child, 'SIGKILL');
            await exited;
        }
    }
    killGroup(child, 'SIGKILL');
}

function tail(file: string, lines: number): string {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
