import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { dockerCli } from '../support/dockerCli';
import { PARITY_CLI, type ParityRun } from '../support/runParity';

/**
 * The test bed's fault engine (scripts/testbed/fault-engine.sh): a dockerd of its own that these tests kill,
 * fill and stall. Never the main engine, which other suites use at the same time.
 */
const STATE = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'testbed', 'fault-engine.sh');
export const FAULT_SOCKET_PATH = join(STATE, 'fault-engine', 'docker.sock');
export const FAULT_HOST = `unix://${FAULT_SOCKET_PATH}`;
/** The file system the engine's data-root is on (its own small disk). */
export const FAULT_DATA_ROOT = join(STATE, 'fault-engine', 'data-root');
export const NODE_IMAGE = 'node:20.20.2-bookworm-slim';

function ping(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
        const req = request({ socketPath: FAULT_SOCKET_PATH, path: '/_ping', timeout: 3000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
            req.destroy();
            resolve(false);
        });
        req.end();
    });
}

/** Fails with the command that starts the component, instead of passing vacuously. */
export async function requireFaultEngine(): Promise<void> {
    if (!existsSync(FAULT_SOCKET_PATH) || !(await ping())) {
        throw new Error(
            `No fault engine answers on ${FAULT_HOST}. Start it with: bash scripts/testbed.sh up fault-engine`,
        );
    }
    if (!faultCli(['image', 'ls', '--quiet', NODE_IMAGE])) {
        throw new Error(`The fault engine has no ${NODE_IMAGE}. Seed it with: bash scripts/testbed.sh up fault-engine`);
    }
}

function script(action: 'kill' | 'up'): void {
    execFileSync('bash', [SCRIPT, action], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** SIGKILL, as a crash: no clean shutdown. */
export function killFaultEngine(): void {
    script('kill');
}

/** Starts it again on the same socket (a no-op when it answers). */
export function startFaultEngine(): void {
    script('up');
}

/** The docker CLI on the fault engine, as an independent witness. */
export function faultCli(args: readonly string[]): string {
    return dockerCli(args, { ...process.env, DOCKER_HOST: FAULT_HOST });
}

/** Containers on the fault engine that carry Parity's labels (the query `parity clean` and the views use). */
export function parityContainers(): string[] {
    const byLabel = (label: string): string[] =>
        faultCli(['ps', '--all', '--quiet', '--filter', `label=${label}`])
            .split('\n')
            .filter(Boolean);
    return [...new Set([...byLabel('parity.container'), ...byLabel('parity.managed')])];
}

/** Untagged images of Parity's builds on the fault engine. */
export function danglingParityImages(): string[] {
    return faultCli(['images', '--quiet', '--filter', 'dangling=true', '--filter', 'label=parity.managed=true'])
        .split('\n')
        .filter(Boolean);
}

export interface RunningParity {
    /** Resolves once stderr or stdout has matched `pattern`; rejects if the process ends first. */
    waitForOutput(pattern: RegExp): Promise<void>;
    interrupt(): void;
    readonly done: Promise<ParityRun>;
}

/** The built CLI in its own process, watched as it runs (the fault comes mid-command). */
export function startParity(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningParity {
    if (!existsSync(PARITY_CLI)) {
        throw new Error(`${PARITY_CLI} is missing — run: node scripts/build.mjs`);
    }
    const child = spawn(process.execPath, [PARITY_CLI, ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const watchers: { pattern: RegExp; resolve: () => void; reject: (error: Error) => void }[] = [];
    const check = (): void => {
        for (const watcher of [...watchers]) {
            if (watcher.pattern.test(stdout) || watcher.pattern.test(stderr)) {
                watchers.splice(watchers.indexOf(watcher), 1);
                watcher.resolve();
            }
        }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        check();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        check();
    });
    const done = new Promise<ParityRun>((resolve) => {
        child.on('close', (code) => {
            for (const watcher of watchers.splice(0)) {
                watcher.reject(new Error(`parity ended (exit ${code}) before printing ${watcher.pattern}:\n${stderr}`));
            }
            resolve({ code, stdout, stderr });
        });
    });
    return {
        waitForOutput: (pattern) =>
            new Promise<void>((resolve, reject) => {
                watchers.push({ pattern, resolve, reject });
                check();
            }),
        interrupt: () => child.kill('SIGINT'),
        done,
    };
}
