// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns: it takes the same
// arguments, runs the extension tests in code-server's extension host (driven by headless Chromium) and
// exits with the test runner's code. Started through the `code-launcher` shell wrapper next to this file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import {
    CHROMIUM_ARGS,
    findVsCodeHost,
    QUIET_USER_SETTINGS,
    RESTRICTED_USER_SETTINGS,
    startCodeServer,
    WORKSPACE_TRUST_ENV,
    writeUserSettings,
    type CodeServer,
} from './codeServer';

/**
 * Set in the extension host's environment; the suite runner (suite/index.ts) then starts each console line
 * with it. In test mode code-server's workbench sends its own log lines through the same codeAutomationLog
 * channel as the extension host's console, and this is what tells them apart.
 */
export const OUTPUT_MARKER_ENV = 'PARITY_E2E_OUTPUT_MARKER';
const OUTPUT_MARKER = '\u241e';

export interface LaunchArgs {
    readonly extensionDevelopmentPaths: string[];
    readonly extensionTestsPath: string | undefined;
    readonly userDataDir: string | undefined;
    readonly extensionsDir: string | undefined;
    readonly folder: string | undefined;
    /** Flags of desktop VS Code that mean nothing here (`--no-sandbox`, `--skip-welcome`, …). */
    readonly ignored: string[];
}

/** Options of desktop VS Code that take a value; both `--name=value` and `--name value` are accepted. */
const VALUE_OPTIONS = new Set([
    'extensionDevelopmentPath',
    'extensionTestsPath',
    'user-data-dir',
    'extensions-dir',
    'locale',
    'log',
    'disable-extension',
    'inspect-extensions',
    'inspect-brk-extensions',
]);

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
    const extensionDevelopmentPaths: string[] = [];
    const ignored: string[] = [];
    const values = new Map<string, string>();
    let folder: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (!arg.startsWith('--')) {
            folder = path.resolve(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
        if (value === undefined && VALUE_OPTIONS.has(name) && i + 1 < argv.length) {
            value = argv[++i];
        }
        if (name === 'extensionDevelopmentPath' && value !== undefined) {
            extensionDevelopmentPaths.push(path.resolve(value));
        } else if (value !== undefined && ['extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(name)) {
            values.set(name, path.resolve(value));
        } else {
            ignored.push(value === undefined ? arg : `--${name}=${value}`);
        }
    }
    return {
        extensionDevelopmentPaths,
        extensionTestsPath: values.get('extensionTestsPath'),
        userDataDir: values.get('user-data-dir'),
        extensionsDir: values.get('extensions-dir'),
        folder,
        ignored,
    };
}

/** The workbench URL that makes code-server's web client load the extension under development and run its tests. */
export function testWorkbenchUrl(server: Pick<CodeServer, 'url' | 'port'>, args: LaunchArgs): string {
    const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${encodeURI(file)}`;
    const payload: [string, string][] = args.extensionDevelopmentPaths.map((p) => [
        'extensionDevelopmentPath',
        remote(p),
    ]);
    if (args.extensionTestsPath !== undefined) {
        payload.push(['extensionTestsPath', remote(args.extensionTestsPath)]);
    }
    const query = [
        args.folder === undefined ? 'ew=true' : `folder=${encodeURIComponent(args.folder)}`,
        `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    ];
    return `${server.url}/?${query.join('&')}`;
}

function err(line: string): void {
    process.stderr.write(`[code-launcher] ${line}\n`);
}

function formatLogArgs(args: unknown): string {
    const list: unknown[] = Array.isArray(args) ? args : [args];
    return format(...list);
}

async function main(argv: readonly string[]): Promise<number> {
    const args = parseLaunchArgs(argv);
    if (args.extensionTestsPath === undefined) {
        err('--extensionTestsPath is required: this launcher only runs extension tests');
        return 2;
    }
    const timeoutMs = Number(process.env.PARITY_E2E_TIMEOUT_MS ?? 300_000);
    const verbose = process.env.PARITY_E2E_VERBOSE === '1';
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-code-launcher-'));
    const logFile = path.join(scratch, 'code-server.log');
    const started = Date.now();
    let server: CodeServer | undefined;
    let context: BrowserContext | undefined;
    let cleaning: Promise<void> | undefined;

    let keepLogs = true;
    let finished = false;
    const cleanup = (): Promise<void> => {
        cleaning ??= (async () => {
            await context?.close().catch(() => undefined);
            await server?.stop();
            // Logs stay for a failed run; the browser profile never does.
            fs.rmSync(keepLogs ? path.join(scratch, 'chromium-profile') : scratch, { recursive: true, force: true });
        })();
        return cleaning;
    };
    process.on('exit', () => server?.stopNow());
    for (const [signal, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
        ['SIGHUP', 129],
    ] as const) {
        process.once(signal, () => {
            finished = true;
            err(`${signal}: stopping code-server and Chromium`);
            void cleanup().finally(() => process.exit(code));
        });
    }

    try {
        const host = findVsCodeHost();
        if (args.extensionDevelopmentPaths.length > 1) {
            err(
                `code-server loads only one extensionDevelopmentPath (seen: the last); got ${args.extensionDevelopmentPaths.length}`,
            );
        }
        if (verbose && args.ignored.length > 0) {
            err(`ignoring desktop-only arguments: ${args.ignored.join(' ')}`);
        }
        const userDataDir = args.userDataDir ?? path.join(scratch, 'user-data');
        // runTests() passes --disable-workspace-trust (ignored above); the environment decides here.
        const workspaceTrust = process.env[WORKSPACE_TRUST_ENV] === '1';
        writeUserSettings(userDataDir, workspaceTrust ? RESTRICTED_USER_SETTINGS : QUIET_USER_SETTINGS);
        server = await startCodeServer({
            host,
            userDataDir,
            extensionsDir: args.extensionsDir ?? path.join(scratch, 'extensions'),
            logFile,
            smokeTestDriver: true,
            workspaceTrust,
            env: { [OUTPUT_MARKER_ENV]: OUTPUT_MARKER },
        });
        err(`code-server ${host.codeServerVersion} (VS Code ${host.vscodeVersion}) at ${server.url}, log ${logFile}`);

        context = await chromium.launchPersistentContext(path.join(scratch, 'chromium-profile'), {
            executablePath: host.chromium,
            headless: true,
            args: CHROMIUM_ARGS,
            handleSIGINT: false,
            handleSIGTERM: false,
            handleSIGHUP: false,
        });
        const page = context.pages()[0] ?? (await context.newPage());
        let exitCode: (code: number) => void = () => undefined;
        const exited = new Promise<number>((resolve) => (exitCode = resolve));
        const workbenchLogFile = path.join(scratch, 'workbench.log');
        let testLines = 0;
        await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown) => {
            const line = formatLogArgs(logArgs);
            if (line.startsWith(OUTPUT_MARKER)) {
                testLines++;
                (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(
                    `${line.slice(OUTPUT_MARKER.length)}\n`,
                );
                return;
            }
            fs.appendFileSync(workbenchLogFile, `[${type}] ${line}\n`);
            if (verbose) {
                err(`[workbench ${type}] ${line}`);
            }
        });
        await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
        if (verbose) {
            page.on('console', (msg) => err(`[browser ${msg.type()}] ${msg.text()}`));
        }
        page.on('pageerror', (error) => err(`[browser pageerror] ${error.message}`));

        await page.goto(testWorkbenchUrl(server, args));
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<number>((resolve) => {
            timer = setTimeout(() => {
                err(
                    `extension tests did not finish within ${timeoutMs / 1000} s of opening the workbench (PARITY_E2E_TIMEOUT_MS); ` +
                        `code-server log: ${logFile}; set PARITY_E2E_VERBOSE=1 to see the browser console`,
                );
                resolve(1);
            }, timeoutMs);
        });
        const crashed = new Promise<number>((resolve) => {
            page.once('crash', () => {
                err('the workbench page crashed');
                resolve(1);
            });
            context?.once('close', () => {
                if (!finished) {
                    err('Chromium closed before the tests finished');
                    resolve(1);
                }
            });
            void server?.exited.then(() => {
                if (!finished) {
                    err(`code-server exited before the tests finished; log: ${logFile}`);
                    resolve(1);
                }
            });
        });
        const code = await Promise.race([exited, timedOut, crashed]);
        if (finished) {
            // A signal handler is already cleaning up and will exit.
            return await new Promise<number>(() => undefined);
        }
        finished = true;
        clearTimeout(timer);
        err(`tests finished with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (code !== 0 || testLines === 0) {
            err(`workbench log (extension-host errors outside the tests land here): ${workbenchLogFile}`);
        } else {
            keepLogs = false;
        }
        return code;
    } catch (error) {
        err(error instanceof Error ? error.message : String(error));
        return 1;
    } finally {
        await cleanup();
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (error: unknown) => {
            err(String(error));
            process.exit(1);
        },
    );
}
