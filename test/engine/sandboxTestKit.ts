// Shared by the sandbox suites: a client, busybox policies scoped to this test process, and helpers to run one.
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import {
    sandboxPolicy,
    type SandboxPolicy,
    type SandboxPolicyInput,
    type SandboxSettings,
} from '../../src/core/sandbox/sandboxPolicy';
import type { SandboxEvent, SandboxExit } from '../../src/core/sandbox/SandboxEvent';
import { EngineClient } from '../../src/engine/EngineClient';
import type { ImageConfig } from '../../src/engine/inspectTypes';
import { type Sandbox, startSandbox, type StartSandboxOptions } from '../../src/engine/sandbox/Sandbox';
import { dockerCli } from '../support/dockerCli';

export const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);

/** Every sandbox these suites create carries this project label, so label queries see only their own. */
export const SCOPE = `parity-test-sandbox-${process.pid}`;
export const BUSYBOX = 'busybox:latest';

let counter = 0;

export function testName(): string {
    counter += 1;
    return `parity-sandbox-t${process.pid}-${counter}`;
}

/** Sandboxes of this test process still on the engine, by the label query the runner promises to empty. */
export function leftovers(): string[] {
    return dockerCli([
        'ps',
        '-aq',
        '--filter',
        'label=parity.purpose=sandbox',
        '--filter',
        `label=parity.project=${SCOPE}`,
    ])
        .split('\n')
        .filter(Boolean);
}

export async function imageConfig(ref: string): Promise<ImageConfig | null> {
    return (await client.inspectImage(ref)).Config ?? null;
}

export async function policyFor(
    image: string,
    command: readonly string[] | undefined,
    settings: SandboxSettings = {},
    extra: Partial<SandboxPolicyInput> = {},
): Promise<SandboxPolicy> {
    return sandboxPolicy({
        name: testName(),
        image: { ref: image, config: await imageConfig(image) },
        port: null,
        ...(command ? { command } : {}),
        settings: { projectLabel: SCOPE, ...settings },
        ...extra,
    });
}

/** busybox's httpd serving /tmp as uid 65534, with a /healthz file unless told otherwise. */
export function httpd(healthz = true): string[] {
    return ['sh', '-c', `${healthz ? 'echo ok > /tmp/healthz; ' : ''}exec httpd -f -p 8080 -h /tmp`];
}

export interface Followed {
    readonly sandbox: Sandbox;
    readonly events: SandboxEvent[];
    readonly lines: () => string[];
}

export async function start(policy: SandboxPolicy, options: StartSandboxOptions = {}): Promise<Followed> {
    const events: SandboxEvent[] = [];
    const sandbox = await startSandbox(client, policy, {
        ...options,
        onEvent: (event) => {
            events.push(event);
            options.onEvent?.(event);
        },
    });
    return { sandbox, events, lines: () => events.flatMap((event) => (event.type === 'log' ? [event.line] : [])) };
}

/** Starts a sandbox and follows it until it ended and was removed. */
export async function runToEnd(
    policy: SandboxPolicy,
    options: StartSandboxOptions = {},
): Promise<Followed & { exit: SandboxExit }> {
    const followed = await start(policy, options);
    const exit = await followed.sandbox.exited;
    if (exit === null) {
        throw new Error('the sandbox was detached');
    }
    return { ...followed, exit };
}

/** Waits until a log line matches. */
export async function lineMatching(followed: Followed, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const line = followed.lines().find((text) => pattern.test(text));
        if (line !== undefined) {
            return line;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no line matched ${String(pattern)} within ${timeoutMs} ms; got:\n${followed.lines().join('\n')}`);
}
