import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CaptureIssue, InstalledRuntime, RuntimeName } from '../../core/snapshot/Snapshot';
import { runtimeManagerOf } from '../../core/snapshot/runtimeManagerOf';
import { findOnPath } from './findOnPath';
import { resolvePyenvShim } from './resolvePyenvShim';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

export interface HostRuntime {
    readonly installed: InstalledRuntime | null;
    /** Package managers that ship with the runtime, read in the same process (npm, corepack, pip). */
    readonly bundled: Readonly<Record<string, string>>;
    /** Why the runtime was not run, when that is news (an unsafe version selected for a shim). */
    readonly issue?: CaptureIssue;
}

/**
 * One process per runtime prints version, real executable and bundled tools as JSON. Each runs in the
 * project folder (so shims pick the project's version) and must not load anything from it: Python runs
 * isolated (-I: no script folder, no user site, no PYTHON* variables, so a project's json.py or
 * sitecustomize.py is never imported); `node -e`, `ruby -e`, `java -version` and `go env` do not look in the
 * working folder, and the variables through which they would (below) are removed.
 */
const PROBES: Readonly<Record<RuntimeName, readonly (readonly [string, readonly string[]])[]>> = {
    node: [
        [
            'node',
            [
                '-e',
                `
const path = require('node:path');
const bundled = {};
for (const name of ['npm', 'corepack']) {
  try { bundled[name] = require(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', name, 'package.json')).version; } catch {}
}
process.stdout.write(JSON.stringify({ version: process.version.slice(1), path: process.execPath, bundled }));`,
            ],
        ],
    ],
    python: ['python3', 'python'].map(
        (exe) =>
            [
                exe,
                [
                    '-I',
                    '-c',
                    `
import sys, json, os, sysconfig
bundled = {}
try:
    for name in os.listdir(sysconfig.get_paths()['purelib']):
        if name.startswith('pip-') and name.endswith(('.dist-info', '.egg-info')):
            bundled['pip'] = name[4:].rsplit('.', 1)[0]
except OSError:
    pass
print(json.dumps({'version': '%d.%d.%d' % sys.version_info[:3], 'path': sys.executable, 'bundled': bundled}))`,
                ],
            ] as const,
    ),
    go: [['go', ['env', '-json', 'GOVERSION', 'GOROOT']]],
    java: [['java', ['-XshowSettings:properties', '-version']]],
    ruby: [
        [
            'ruby',
            [
                '-e',
                'require "rbconfig"; require "json"; print JSON.generate({ "version" => RUBY_VERSION, "path" => RbConfig.ruby, "bundled" => {} })',
            ],
        ],
    ],
};

/**
 * Variables that make a runtime load code or options named by a path, which a relative path would find in
 * the project (NODE_OPTIONS=--require ./x, RUBYOPT=-rbundler/setup evaluating the Gemfile, a -javaagent).
 * They cannot change the version a probe reads, so the probe runs without them.
 */
const CODE_LOADING_VARS: Readonly<Record<RuntimeName, readonly string[]>> = {
    node: ['NODE_OPTIONS'],
    python: [],
    ruby: ['RUBYOPT', 'RUBYLIB'],
    java: ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'],
    go: [],
};

/**
 * The runtime the project really gets: run in the project folder with the user's PATH, so pyenv, asdf and
 * mise shims pick the project's version; the answer names the real executable behind any shim. A pyenv
 * shim is resolved by pyenv's own rules first, because running it costs more than the whole snapshot budget.
 * Go runs with GOTOOLCHAIN=local so a snapshot never downloads a toolchain.
 */
export async function hostRuntime(name: RuntimeName, options: RunToolOptions): Promise<HostRuntime> {
    if (name === 'node') {
        const self = nodeIfItIsThisProcess(options.env);
        if (self) {
            return self;
        }
    }
    const env: NodeJS.ProcessEnv = name === 'go' ? { ...options.env, GOTOOLCHAIN: 'local' } : { ...options.env };
    for (const variable of CODE_LOADING_VARS[name]) {
        delete env[variable];
    }
    for (const [command, args] of PROBES[name]) {
        const choice = name === 'python' ? resolvePyenvShim(command, options.cwd, env) : { kind: 'shim' as const };
        if (choice.kind === 'unsafe') {
            return {
                installed: null,
                bundled: {},
                issue: { severity: 'warning', message: `${choice.reason}, so the installed Python is unknown.` },
            };
        }
        const output = await runTool(choice.kind === 'executable' ? choice.path : command, args, { ...options, env });
        if (!output || output.code !== 0) {
            continue;
        }
        const parsed = parseRuntimeOutput(name, output.stdout, output.stderr);
        if (parsed) {
            return {
                installed: { version: parsed.version, path: parsed.path, manager: runtimeManagerOf(parsed.path) },
                bundled: parsed.bundled,
            };
        }
    }
    return { installed: null, bundled: {} };
}

/**
 * When the project's `node` is the very executable running Parity (the CLI started from that shell), this
 * process already knows the answer; spawning it again would cost ~100 ms for nothing.
 */
function nodeIfItIsThisProcess(env: NodeJS.ProcessEnv): HostRuntime | undefined {
    if (!isThisExecutable(findOnPath('node', env))) {
        return undefined;
    }
    const bundled: Record<string, string> = {};
    for (const tool of ['npm', 'corepack']) {
        try {
            const manifest = JSON.parse(
                readFileSync(
                    join(dirname(process.execPath), '..', 'lib', 'node_modules', tool, 'package.json'),
                    'utf8',
                ),
            ) as { version?: unknown };
            if (typeof manifest.version === 'string') {
                bundled[tool] = manifest.version;
            }
        } catch {
            // Not bundled with this node (a distro package may ship npm separately).
        }
    }
    return {
        installed: {
            version: process.version.slice(1),
            path: process.execPath,
            manager: runtimeManagerOf(process.execPath),
        },
        bundled,
    };
}

function isThisExecutable(path: string | undefined): boolean {
    try {
        return path !== undefined && realpathSync(path) === realpathSync(process.execPath);
    } catch {
        return false;
    }
}

interface ParsedRuntime {
    readonly version: string;
    readonly path: string | null;
    readonly bundled: Record<string, string>;
}

export function parseRuntimeOutput(name: RuntimeName, stdout: string, stderr: string): ParsedRuntime | null {
    try {
        switch (name) {
            case 'go': {
                const env = JSON.parse(stdout) as { GOVERSION?: string; GOROOT?: string };
                return env.GOVERSION
                    ? {
                          version: env.GOVERSION.replace(/^go/, ''),
                          path: env.GOROOT ? `${env.GOROOT}/bin/go` : null,
                          bundled: {},
                      }
                    : null;
            }
            case 'java': {
                const version = /^\s*java\.version = (.+)$/m.exec(stderr)?.[1]?.trim();
                const home = /^\s*java\.home = (.+)$/m.exec(stderr)?.[1]?.trim();
                return version ? { version, path: home ? `${home}/bin/java` : null, bundled: {} } : null;
            }
            default: {
                const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '') as Partial<ParsedRuntime>;
                return typeof parsed.version === 'string'
                    ? {
                          version: parsed.version,
                          path: typeof parsed.path === 'string' ? parsed.path : null,
                          bundled: parsed.bundled ?? {},
                      }
                    : null;
            }
        }
    } catch {
        return null;
    }
}

/**
 * `<tool> --version` for package managers that are their own executables (yarn, pnpm, uv, poetry …): the
 * version this machine has, run outside the project. In the project they would run its code: yarn executes
 * the JS file `.yarnrc.yml`'s yarnPath (or `.yarnrc`'s yarn-path) names, corepack and pnpm switch to (and
 * fetch) the version package.json's packageManager names. What the project pins is read from its files as
 * `declared`; only the machine's own tool is run. YARN_IGNORE_PATH and the corepack/pnpm switches are a
 * second guard: should a project's settings be found after all, no yarnPath or packageManager is followed.
 */
export async function hostToolVersion(command: string, options: RunToolOptions): Promise<string | null> {
    const output = await runTool(command, ['--version'], {
        ...outsideProject(options),
        env: {
            ...options.env,
            YARN_IGNORE_PATH: '1',
            COREPACK_ENABLE_NETWORK: '0',
            COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
            COREPACK_ENABLE_AUTO_PIN: '0',
            npm_config_manage_package_manager_versions: 'false',
        },
    });
    if (!output || output.code !== 0) {
        return null;
    }
    return /\d+\.\d+(?:\.\d+)?(?:[-+.\w]*)?/.exec(output.stdout)?.[0] ?? null;
}
