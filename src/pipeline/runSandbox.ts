import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { BuildEventListener } from '../core/build/BuildEvent';
import type { Logger } from '../core/Logger';
import type { PlanOptions } from '../core/plan/PlanContext';
import {
    sandboxPolicy,
    type SandboxPolicy,
    type SandboxSettings,
    type SandboxTarget,
} from '../core/sandbox/sandboxPolicy';
import { SandboxError } from '../core/sandbox/SandboxError';
import type { SandboxEventListener } from '../core/sandbox/SandboxEvent';
import type { EngineClient } from '../engine/EngineClient';
import { EngineError } from '../engine/EngineError';
import type { ImageConfig } from '../engine/inspectTypes';
import { type Sandbox, startSandbox } from '../engine/sandbox/Sandbox';
import { sandboxName } from '../engine/sandbox/sandboxName';
import { packageProject } from './packageProject';

/** Written before a reference to run it as an image even when a folder of that name exists. */
export const IMAGE_PREFIX = 'image:';

export interface RunSandboxOptions {
    /** Limits, network, environment, writable paths (the project label is set here). */
    readonly settings?: Omit<SandboxSettings, 'projectLabel'>;
    /** The app's port inside the container, over the plan's and the image's. */
    readonly port?: number;
    /** A command instead of the image's CMD (a Procfile process other than web); the ENTRYPOINT stays. */
    readonly command?: readonly string[];
    /** Where the app really runs: its memory, CPUs, ulimits and user win over the settings. */
    readonly target?: SandboxTarget;
    /** The image name for a folder (default: `<folder>-<hash>:parity`, as `parity package`). */
    readonly tag?: string;
    /** The image already chosen (Run like Target builds its own): `target` is then not looked at again. */
    readonly choice?: SandboxImageChoice;
    /** Build a folder's image even when it is up to date. */
    readonly rebuild?: boolean;
    readonly plan?: Omit<PlanOptions, 'projectRoot'>;
    readonly log: Logger;
    readonly toolVersion: string;
    readonly env?: NodeJS.ProcessEnv;
    /** The sandbox's lifetime, as in startSandbox; it also cancels the packaging. */
    readonly signal?: AbortSignal;
    readonly onBuildEvent?: BuildEventListener;
    readonly onEvent?: SandboxEventListener;
    readonly stopGraceMs?: number;
}

export interface SandboxImageChoice {
    readonly image: string;
    /** The project folder, when a folder was given. */
    readonly projectRoot: string | null;
    /** The app's port as far as the plan or the caller knows it (the policy falls back to the image's). */
    readonly port: number | null;
    /** `built`: packaged just now; `current`: the folder's image was up to date; `given`: an image named directly. */
    readonly how: 'built' | 'current' | 'given';
    readonly why: string;
    readonly config: ImageConfig | null;
}

/**
 * Runs a project folder or an image in a locked-down sandbox. A folder is packaged first when its image is
 * missing or stale (see imageFreshness) by packageProject — Parity's own files written or updated, the
 * user's kept and built as they are — then the build. Resolves once the container started; wait for `sandbox.waitReady()`.
 */
export async function runSandbox(
    client: EngineClient,
    target: string,
    options: RunSandboxOptions,
): Promise<{ sandbox: Sandbox; choice: SandboxImageChoice; policy: SandboxPolicy }> {
    const choice = options.choice ?? (await sandboxImageFor(client, target, options));
    const status = await client.status(options.signal);
    const policy = sandboxPolicy({
        name: sandboxName(choice.projectRoot === null ? choice.image : basename(choice.projectRoot)),
        image: { ref: choice.image, config: choice.config },
        port: choice.port,
        ...(options.command ? { command: options.command } : {}),
        settings: { ...options.settings, ...(choice.projectRoot === null ? {} : { projectLabel: choice.projectRoot }) },
        ...(options.target ? { target: options.target } : {}),
        ...(status.cpus === undefined ? {} : { engineCpus: status.cpus }),
        ...(status.memoryBytes === undefined ? {} : { engineMemoryBytes: status.memoryBytes }),
    });
    for (const note of policy.notes) {
        options.log.debug(`Sandbox: ${note}`);
        options.onEvent?.({ type: 'warning', message: note });
    }
    const sandbox = await startSandbox(client, policy, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        ...(options.stopGraceMs === undefined ? {} : { stopGraceMs: options.stopGraceMs }),
    });
    return { sandbox, choice, policy };
}

/** The image to run for a folder (packaged when needed) or an image reference, with the app's port. */
export async function sandboxImageFor(
    client: EngineClient,
    target: string,
    options: RunSandboxOptions,
): Promise<SandboxImageChoice> {
    const folder = target.startsWith(IMAGE_PREFIX) ? null : await folderOf(target);
    if (folder === null) {
        const ref = target.startsWith(IMAGE_PREFIX) ? target.slice(IMAGE_PREFIX.length) : target;
        const image = await client.inspectImage(ref, options.signal).catch((error: unknown) => {
            if (error instanceof EngineError && error.statusCode === 404) {
                throw new SandboxError(
                    'not-found',
                    `There is no folder ${target} and no image ${ref} on ${client.address}. Give a project folder, or build the image first.`,
                );
            }
            throw error;
        });
        return {
            image: ref,
            projectRoot: null,
            port: options.port ?? null,
            how: 'given',
            why: `the image ${ref} as it is`,
            config: image.Config ?? null,
        };
    }

    const status = await client.status(options.signal);
    const onEvent = options.onBuildEvent;
    const packaged = await packageProject(client, folder, {
        log: options.log,
        toolVersion: options.toolVersion,
        buildkit: status.buildkit,
        reuseCurrent: options.rebuild !== true,
        ...(options.tag ? { tag: options.tag } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.plan ? { plan: options.plan } : {}),
        ...(onEvent ? { hooks: { build: (_tag, run) => run({ onEvent }) } } : {}),
    });
    if (!packaged) {
        throw new SandboxError('not-found', `${folder} could not be packaged.`);
    }
    const image = await client.inspectImage(packaged.tag, options.signal);
    // A Dockerfile of the user's says its own port (EXPOSE) better than the plan guesses it.
    const port =
        options.port ??
        (packaged.usersDockerfile && Object.keys(image.Config?.ExposedPorts ?? {}).length > 0
            ? null
            : packaged.plan.port.value);
    return {
        image: packaged.tag,
        projectRoot: folder,
        port,
        how: packaged.how,
        why: packaged.why,
        config: image.Config ?? null,
    };
}

/** The absolute folder a run target names, or null when it names no folder (an image reference). */
export async function folderOf(target: string): Promise<string | null> {
    const path = resolve(target);
    const stats = await stat(path).catch(() => null);
    return stats?.isDirectory() ? path : null;
}
