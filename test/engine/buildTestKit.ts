import { buildImage } from '../../src/engine/build/buildImage';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { BuildEvent } from '../../src/core/build/BuildEvent';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { type Logger, silentLogger } from '../../src/core/Logger';
import { createBuildContext } from '../../src/engine/build/buildContext';
import type { BuildImageOptions, BuildResult } from '../../src/engine/build/buildImage';
import { EngineClient } from '../../src/engine/EngineClient';
import { dockerCli } from '../support/dockerCli';

/** Every image and container the build tests make carries these, so leftovers can be found. */
export const TEST_LABELS = { 'parity.managed': 'true', 'parity.purpose': 'test' } as const;

export function engineClient(address = 'unix:///var/run/docker.sock', log: Logger = silentLogger): EngineClient {
    return new EngineClient({ address: parseEngineAddress(address), source: 'test' }, { log });
}

/** A throwaway project folder with the given files (a trailing slash makes an empty folder). */
export function makeProject(files: Readonly<Record<string, string | Buffer>>): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-build-'));
    for (const [path, content] of Object.entries(files)) {
        if (path.endsWith('/')) {
            mkdirSync(join(dir, path), { recursive: true });
            continue;
        }
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
    }
    return dir;
}

export function removeProject(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
}

/** A tag no other test (or run) uses. */
export function testTag(name: string): string {
    return `parity-test/build-${name}-${randomBytes(4).toString('hex')}:1`;
}

/** A number that appears in no other process's command line: `sleep <marker>` can then be looked for. */
export function sleepMarker(): string {
    return `30.${randomInt(100_000, 1_000_000)}`;
}

export function imageIdOf(reference: string): string | undefined {
    try {
        return dockerCli(['image', 'inspect', '--format', '{{.Id}}', reference]);
    } catch {
        return undefined;
    }
}

export function removeImages(references: Iterable<string>): void {
    for (const reference of references) {
        try {
            dockerCli(['image', 'rm', reference]);
        } catch {
            // already gone, or never made
        }
    }
}

/** Processes on this host whose command line contains the marker: the engine's build steps run here too. */
export function processesWith(marker: string): number {
    let count = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
            const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
            if (cmdline.includes(marker) && !cmdline.includes('node')) {
                count++;
            }
        } catch {
            // the process ended meanwhile
        }
    }
    return count;
}

/** Containers (running or not) whose command contains the marker, as the docker CLI lists them. */
export function containersWith(marker: string): string[] {
    return dockerCli(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}'])
        .split('\n')
        .filter((line) => line.includes(marker));
}

export async function waitFor(predicate: () => boolean, timeoutMs: number, stepMs = 100): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (predicate()) {
            return true;
        }
        await delay(stepMs);
    }
    return predicate();
}

export interface BuildRun {
    readonly events: BuildEvent[];
    readonly result: Promise<BuildResult>;
}

/** Packs a folder and builds it with the test labels; events are collected as they come. */
export function buildFolder(
    client: EngineClient,
    folder: string,
    options: Omit<BuildImageOptions, 'context' | 'onEvent'> & { onEvent?: (event: BuildEvent) => void },
): BuildRun {
    const events: BuildEvent[] = [];
    const result = (async () => {
        const context = await createBuildContext(folder);
        return buildImage(client.buildDeps(), {
            ...options,
            context,
            labels: { ...TEST_LABELS, ...options.labels },
            onEvent: (event) => {
                events.push(event);
                options.onEvent?.(event);
            },
        });
    })();
    return { events, result };
}

/** The log lines a step printed, by the step's Dockerfile line. */
export function logsOfLine(events: readonly BuildEvent[], line: number): string[] {
    return events.flatMap((event) => (event.type === 'log' && event.step?.line === line ? [event.text] : []));
}
