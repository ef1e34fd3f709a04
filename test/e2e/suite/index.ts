// The extensionTestsPath module: VS Code's extension host loads it and awaits run(). Runs every
// `*.test.js` next to it with mocha; output goes through console.log, which the host forwards
// (code-server: codeAutomationLog; desktop: the launching terminal).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

const FIRST_SUITE = 'extension.test.js';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

/**
 * Under test/e2e/host/launcher (code-server) the extension host's console shares one channel with the
 * workbench's own log; the launcher names a marker that starts each of our lines so it can show only these.
 * Returns the function that restores the console.
 */

function markConsole(): () => void {
    const marker = process.env.PARITY_E2E_OUTPUT_MARKER;
    if (marker === undefined || marker === '') {
        return () => undefined;
    }
    const methods: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];
    // The extension host turns these into accessors whose setter ignores assignment: redefine them instead.
    const saved = methods.map((method) => [method, Object.getOwnPropertyDescriptor(console, method)] as const);
    for (const [method] of saved) {
        const forward = console[method].bind(console);
        Object.defineProperty(console, method, {
            configurable: true,
            writable: true,
            value: (...args: unknown[]) => forward(`${marker}${format(...args)}`),
        });
    }
    // mocha's reporters keep their own reference to console.log, taken when mocha loaded.
    const reporterLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = console.log;
    return () => {
        for (const [method, descriptor] of saved) {
            if (descriptor !== undefined) {
                Object.defineProperty(console, method, descriptor);
            }
        }
        Mocha.reporters.Base.consoleLog = reporterLog;
    };
}

export function run(): Promise<void> {
    const mocha = new Mocha({
        ui: 'bdd',
        reporter: 'spec',
        color: false,
        timeout: Number(process.env.PARITY_E2E_TEST_TIMEOUT_MS ?? 60_000),
    });
    const grep = process.env.PARITY_E2E_GREP;
    if (grep !== undefined && grep !== '') {
        mocha.grep(grep);
    }
    // A subfolder (PARITY_E2E_SUITES, e.g. `restricted`) holds suites that need a VS Code set up another way.
    const dir = path.join(__dirname, process.env.PARITY_E2E_SUITES ?? '');
    const files = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.test.js'))
        // extension.test.js first: its activation test must see Parity inactive, before any suite runs a command.
        .sort((a, b) => Number(b === FIRST_SUITE) - Number(a === FIRST_SUITE) || a.localeCompare(b));
    if (files.length === 0) {
        return Promise.reject(new Error(`no *.test.js files in ${dir} — build them with node scripts/build-e2e.mjs`));
    }
    for (const file of files) {
        mocha.addFile(path.join(dir, file));
    }
    const restoreConsole = markConsole();
    return new Promise<void>((resolve, reject) => {
        const runner = mocha.run((failures) => {
            const { passes, pending, tests } = runner.stats ?? { passes: 0, pending: 0, tests: 0 };
            // A closing line that CI recognises in any language; console is what the extension host forwards.

            console.log(`e2e: ${passes} passed, ${failures} failed${pending > 0 ? `, ${pending} skipped` : ''}`);
            if (failures > 0) {
                reject(new Error(`${failures} of ${tests} e2e tests failed`));
            } else if (tests === 0) {
                reject(new Error('no e2e test ran'));
            } else {
                resolve();
            }
        });
    }).finally(restoreConsole);
}
