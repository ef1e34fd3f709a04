import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../core/Logger';
import type { SandboxTarget } from '../core/sandbox/sandboxPolicy';
import { SandboxError } from '../core/sandbox/SandboxError';
import { parseSnapshot } from '../core/snapshot/parseSnapshot';
import type { Snapshot } from '../core/snapshot/Snapshot';
import type { EngineClient } from '../engine/EngineClient';
import { probeContainer } from '../targets/container/probeContainer';
import { probeImage } from '../targets/image/probeImage';

export interface LoadTargetOptions {
    readonly log: Logger;
    readonly toolVersion: string;
    readonly signal?: AbortSignal;
    /** Where a relative snapshot path starts (default: the current directory). */
    readonly base?: string;
}

/**
 * Where the app really runs, for limits parity: a saved snapshot file, or `image:REF` / `container:NAME`
 * probed now. Only what the sandbox needs is kept (meta, resources, limits, user).
 */
export async function loadSandboxTarget(
    client: EngineClient,
    spec: string,
    options: LoadTargetOptions,
): Promise<SandboxTarget> {
    const match = /^(image|container):(.+)$/.exec(spec);
    if (match?.[1] && match[2]) {
        const probe = {
            log: options.log,
            toolVersion: options.toolVersion,
            ...(options.signal ? { signal: options.signal } : {}),
        };
        return match[1] === 'image' ? probeImage(client, match[2], probe) : probeContainer(client, match[2], probe);
    }
    const path = resolve(options.base ?? '.', spec);
    if (!(await stat(path).catch(() => null))?.isFile()) {
        throw new SandboxError(
            'bad-target',
            `The target takes a snapshot file, container:NAME or image:REF; "${spec}" is none of them.`,
        );
    }
    let snapshot: Snapshot;
    try {
        snapshot = parseSnapshot(await readFile(path, 'utf8'), spec);
    } catch (error) {
        throw new SandboxError('bad-target', error instanceof Error ? error.message : String(error));
    }
    return { meta: snapshot.meta, resources: snapshot.resources, limits: snapshot.limits, user: snapshot.user };
}
