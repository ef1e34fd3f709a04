// Runs the extension-host suite (out/e2e/suite) the standard @vscode/test-electron way. By default the
// "VS Code" is test/e2e/host/code-launcher (code-server + headless Chromium, installed by
// `npm run testbed -- up vscode`); PARITY_VSCODE_EXECUTABLE may name a desktop VS Code instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import {
    QUIET_USER_SETTINGS,
    RESTRICTED_USER_SETTINGS,
    WORKSPACE_TRUST_ENV,
    writeUserSettings,
} from './host/codeServer';

// This file is bundled to out/e2e/runExtensionTests.js.
const repoRoot = path.resolve(__dirname, '..', '..');

function say(line: string): void {
    process.stderr.write(`[e2e] ${line}\n`);
}

/**
 * A throw-away workspace. By default it holds nothing that matches Parity's activation events
 * (workspaceContains:package.json, Dockerfile, …), so a test can time the first activate() itself.
 * PARITY_E2E_WORKSPACE names a folder to copy instead, e.g. examples/hello-node.
 */
function makeWorkspace(scratch: string): string {
    const workspace = path.join(scratch, 'workspace');
    const source = process.env.PARITY_E2E_WORKSPACE;
    if (source !== undefined && source !== '') {
        fs.cpSync(path.resolve(repoRoot, source), workspace, { recursive: true });
    } else {
        fs.mkdirSync(workspace, { recursive: true });
        fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e workspace\n');
    }
    return workspace;
}

function checkBuilt(): void {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main?: string };
    const wanted = [path.join(__dirname, 'suite', 'index.js')];
    if (manifest.main !== undefined) {
        const main = path.resolve(repoRoot, manifest.main);
        wanted.push(main.endsWith('.js') ? main : `${main}.js`);
    }
    const missing = wanted.filter((file) => !fs.existsSync(file));
    if (missing.length > 0) {
        throw new Error(`not built: ${missing.join(', ')} — run: npm run build && node scripts/build-e2e.mjs`);
    }
}

/**
 * The folder the Restricted Mode suites (suite/restricted) open untrusted: a Node project with a .env, and
 * the workspace settings a hostile repository would plant. The suites check that nothing honours them.
 */
function makeUntrustedWorkspace(scratch: string): string {
    const workspace = path.join(scratch, 'untrusted workspace');
    fs.cpSync(path.join(repoRoot, 'examples', 'hello-node'), workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, '.env'), 'PLANTED_SECRET=from-the-repository\n');
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(
        path.join(workspace, '.vscode', 'settings.json'),
        `${JSON.stringify(PLANTED_SETTINGS, null, 2)}\n`,
    );
    return workspace;
}

/** What an untrusted repository's .vscode/settings.json asks for; the restricted suite checks each is ignored. */
const PLANTED_SETTINGS = {
    'parity.sandbox.passDotenv': true,
    'parity.sandbox.target': 'container:parity-planted-target',
    'parity.sandbox.writablePaths': ['/etc'],
    'parity.sandbox.memory': '64g',
    'parity.sandbox.network': 'bridge',
    'parity.recipe.baseImage': 'registry.invalid/planted/node:latest',
    'parity.recipe.baseImageRegistry': 'registry.invalid/',
    'parity.recipe.bakeCa': true,
    'parity.recipe.dependencyMirrors': {
        maven: 'http://attacker.invalid/maven/',
        rubygems: 'http://attacker.invalid/gems/',
    },
    'parity.diff.severity': { 'env.value': 'off', 'runtime.major': 'info' },
    'parity.diff.ignore': [{ facet: 'env', reason: 'planted' }],
    'parity.diff.requiredEnv': ['PLANTED_SECRET'],
    'parity.targets': [{ name: 'planted', target: 'container:x@ssh://attacker@127.0.0.1:9' }],
};

interface Pass {
    readonly name: string;
    /** The subfolder of out/e2e/suite to run; undefined: the suites in it. */
    readonly suites?: string;
    readonly workspace: (scratch: string) => string;
    /** Workspace Trust on, with the folder untrusted. */
    readonly restricted: boolean;
    /** Runs only when PARITY_E2E_PASS names it: figures for a benchmark, not tests. */
    readonly onlyWhenNamed?: boolean;
}

const PASSES: readonly Pass[] = [
    { name: 'trusted', workspace: makeWorkspace, restricted: false },
    { name: 'restricted', suites: 'restricted', workspace: makeUntrustedWorkspace, restricted: true },
    { name: 'bench', suites: 'bench', workspace: makeWorkspace, restricted: false, onlyWhenNamed: true },
];

async function main(): Promise<number> {
    checkBuilt();
    // PARITY_E2E_PASS=restricted (or trusted) runs only that pass, while working on it.
    const only = process.env.PARITY_E2E_PASS;
    const named = (each: Pass): boolean => each.name === only;
    for (const pass of PASSES.filter(
        (each) => named(each) || (!each.onlyWhenNamed && (only === undefined || only === '')),
    )) {
        if (pass.restricted && process.env.PARITY_VSCODE_EXECUTABLE !== undefined) {
            // runTests() always hands desktop VS Code --disable-workspace-trust; only the code-server launcher can honour trust.
            say(`${pass.name}: not run — desktop VS Code gets --disable-workspace-trust from @vscode/test-electron`);
            continue;
        }
        const code = await runPass(pass);
        if (code !== 0) {
            return code;
        }
    }
    return 0;
}

async function runPass(pass: Pass): Promise<number> {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-e2e-'));
    const desktop = process.env.PARITY_VSCODE_EXECUTABLE;
    const vscodeExecutablePath = desktop ?? path.join(repoRoot, 'test', 'e2e', 'host', 'code-launcher');
    const started = Date.now();
    say(`${pass.name}: VS Code ${desktop ?? 'code-server via test/e2e/host/code-launcher'}; scratch ${scratch}`);
    const userDataDir = path.join(scratch, 'user-data');
    writeUserSettings(userDataDir, pass.restricted ? RESTRICTED_USER_SETTINGS : QUIET_USER_SETTINGS);
    try {
        // No --disable-extensions: built-in extensions stay on, as for users; a fresh extensions dir keeps
        // installed ones out.
        await runTests({
            vscodeExecutablePath,
            extensionDevelopmentPath: repoRoot,
            extensionTestsPath: path.join(__dirname, 'suite', 'index'),
            launchArgs: [
                pass.workspace(scratch),
                `--user-data-dir=${userDataDir}`,
                `--extensions-dir=${path.join(scratch, 'extensions')}`,
            ],
            extensionTestsEnv: {
                PARITY_E2E: '1',
                // A benchmark that runs the suite repeatedly gives each run its own folder.
                PARITY_E2E_RESULTS_DIR: process.env.PARITY_E2E_RESULTS_DIR ?? path.join(repoRoot, 'test-results'),
                ...(pass.suites === undefined ? {} : { PARITY_E2E_SUITES: pass.suites }),
                ...(pass.restricted ? { [WORKSPACE_TRUST_ENV]: '1' } : {}),
            },
        });
        return 0;
    } catch (error) {
        keepParityLogs(userDataDir);
        if (error instanceof TestRunFailedError) {
            return error.code ?? 1;
        }
        throw error;
    } finally {
        say(`${pass.name}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    }
}

/** After a failure, the extension's own log (its LogOutputChannel) goes to test-results/e2e-logs for reading. */
function keepParityLogs(userDataDir: string): void {
    const logs = path.join(userDataDir, 'logs');
    const kept = path.join(repoRoot, 'test-results', 'e2e-logs');
    const found = fs.existsSync(logs)
        ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((file) => /Parity[^/]*\.log$/.test(file))
        : [];
    fs.mkdirSync(kept, { recursive: true });
    for (const file of found) {
        fs.copyFileSync(path.join(logs, file), path.join(kept, file.replace(/[\\/]/g, '_')));
    }
    say(found.length > 0 ? `the Parity log is in ${kept}` : `no Parity log under ${logs}`);
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        say(error instanceof Error ? error.message : String(error));
        process.exit(1);
    },
);
