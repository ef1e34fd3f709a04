import { resolve } from 'node:path';
import { readDockerfileFacts } from '../core/diff/readDockerfileFacts';
import { DiffTargetError, type DiffTarget, formatDiffTarget } from '../core/diff/DiffTarget';
import type { Plan } from '../core/plan/Plan';
import { planFromSnapshot } from '../core/plan/planFromSnapshot';
import { renderRecipe } from '../core/plan/renderRecipe';
import { inspectRecipe } from '../core/recipe/writeRecipe';
import {
    LIKE_TARGET_CAPS,
    type LikeNote,
    type LikeProject,
    type LikeTargetCaps,
    type LikeTargetPlan,
    planLikeTarget,
} from '../core/sandbox/planLikeTarget';
import { SandboxError } from '../core/sandbox/SandboxError';
import type { RuntimeName, Snapshot } from '../core/snapshot/Snapshot';
import type { EngineRef } from '../core/targetAddress';
import type { EngineClient } from '../engine/EngineClient';
import { EngineError } from '../engine/EngineError';
import { buildProject } from './buildProject';
import { engineUlimits } from './engineUlimits';
import { readSnapshotFile } from './diff/readSnapshotFile';
import { imageFreshness } from './imageFreshness';
import { projectImageName } from './imageTagFor';
import { planProject } from './planProject';
import { readProjectDotenv } from './readProjectDotenv';
import type { RecipeOverride } from './recipeOverride';
import { folderOf, IMAGE_PREFIX, runSandbox, type RunSandboxOptions, type SandboxImageChoice } from './runSandbox';
import { captureEngineTarget } from './targets/captureEngineTarget';

export interface RunLikeTargetOptions extends Omit<RunSandboxOptions, 'target' | 'choice'> {
    /** The engine a target lives on: its `@ENGINE` when it names one, else the one Parity talks to anyway. */
    readonly clientFor: (engine?: EngineRef) => Promise<EngineClient>;
    /** Where a relative `file:` path starts (default: the current directory). */
    readonly base?: string;
    /**
     * Values for the target's variables that the project's .env does not have, asked by name: the values
     * known (a name left out runs without it), or undefined to stop. Called before any build. The values go
     * to the engine only — never logged, never written.
     */
    readonly envValues: (names: readonly string[]) => Promise<Readonly<Record<string, string>> | undefined>;
    /** Each decision (what was taken from the target, capped, refused), before anything is built. */
    readonly onNote?: (note: LikeNote) => void;
    /** The sandbox's caps on a target's limits (default LIKE_TARGET_CAPS, memory and CPUs the engine's). */
    readonly caps?: Partial<LikeTargetCaps>;
}

export type RunLikeTargetResult = Awaited<ReturnType<typeof runSandbox>> & { readonly like: LikeTargetPlan };

/**
 * Run like Target: the project (or an image) in the sandbox the way a target runs — the image rebuilt on the
 * target's runtime version under a tag of its own (`<folder>-<hash>:like-node-20.20.2`, reused while it is
 * current; the project's files are never touched), the target's TZ, locale, memory, CPUs, ulimits and user,
 * and its variables by name: values from the project's .env, or given through `envValues`. The hardening is
 * the sandbox's as always (planLikeTarget never reaches it). Undefined when `envValues` stopped it.
 */
export async function runLikeTarget(
    client: EngineClient,
    runTarget: string,
    like: DiffTarget,
    options: RunLikeTargetOptions,
): Promise<RunLikeTargetResult | undefined> {
    const targetName = formatDiffTarget(like);
    const status = await client.status(options.signal);
    const [snapshot, project] = await Promise.all([
        captureLikeTarget(like, options),
        projectOf(client, runTarget, status.buildkit, options),
    ]);
    // A container may not get more than the engine's own hard limits: read them only when the target has any.
    const wantsUlimits = snapshot.limits.nofile !== null || snapshot.limits.nproc !== null;
    const engine = wantsUlimits
        ? await engineUlimits(client, project.shellImage, options.signal).catch((error: unknown) => {
              options.log.debug(
                  `The engine's ulimits could not be read in ${project.shellImage}: ${error instanceof Error ? error.message : String(error)}`,
              );
              return null;
          })
        : null;
    const plan = planLikeTarget({
        target: snapshot,
        targetName,
        project: project.like,
        imageEnvNames: project.imageEnvNames,
        dotenvKeys: Object.keys(project.dotenv),
        caps: {
            ...(status.memoryBytes === undefined ? {} : { memoryBytes: status.memoryBytes }),
            ...(status.cpus === undefined ? {} : { cpus: status.cpus }),
            ...(engine?.nofile ? { nofile: Math.min(engine.nofile, LIKE_TARGET_CAPS.nofile) } : {}),
            ...(engine?.nproc ? { nproc: Math.min(engine.nproc, LIKE_TARGET_CAPS.nproc) } : {}),
            ...options.caps,
        },
    });
    for (const note of plan.notes) {
        options.log[note.kind === 'capped' || note.kind === 'refused' ? 'warn' : 'info'](
            `Like ${targetName}: ${note.message}`,
        );
        options.onNote?.(note);
    }
    const asked = plan.envNames.toAsk;
    const given = asked.length === 0 ? {} : await options.envValues(asked);
    if (given === undefined) {
        return undefined;
    }
    const choice =
        plan.runtime && project.planned
            ? await likeImage(client, project.planned, plan.runtime, { ...options, buildkit: status.buildkit })
            : undefined;
    const pick = (values: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> =>
        Object.fromEntries(
            names.filter((name) => Object.hasOwn(values, name)).map((name) => [name, values[name] as string]),
        );
    // Only the target's own variables: a .env key the target does not have is not there either.
    const settings = { ...options.settings };
    delete settings.dotenv;
    const dotenv = pick(project.dotenv, plan.envNames.fromDotenv);
    const result = await runSandbox(client, runTarget, {
        ...options,
        settings: {
            ...settings,
            targetEnv: plan.env,
            ...(Object.keys(dotenv).length > 0 ? { dotenv } : {}),
            givenEnv: pick(given, asked),
        },
        target: plan.sandboxTarget,
        ...(choice ? { choice } : {}),
    });
    return { ...result, like: plan };
}

/** The target's snapshot: a saved file, or an engine target captured through its engine. */
async function captureLikeTarget(like: DiffTarget, options: RunLikeTargetOptions): Promise<Snapshot> {
    switch (like.kind) {
        case 'file':
            return readSnapshotFile(resolve(options.base ?? '.', like.path), formatDiffTarget(like));
        case 'host':
            throw new DiffTargetError(
                `${formatDiffTarget(like)}: running like this machine is what a plain run does; name where the app runs — container:, image:, swarm:, registry: or file:.`,
            );
        default: {
            const engine = await options.clientFor(like.engine);
            const probe = {
                log: options.log,
                toolVersion: options.toolVersion,
                ...(options.signal ? { signal: options.signal } : {}),
            };
            return (await captureEngineTarget(engine, like, probe)).snapshot;
        }
    }
}

interface PlannedProject {
    readonly folder: string;
    readonly snapshot: Snapshot;
    readonly plan: Plan;
    /** The folder's .dockerignore is the user's own: it applies to the like image too. */
    readonly usersDockerignore: boolean;
}

interface ProjectFacts {
    readonly like: LikeProject | null;
    readonly imageEnvNames: readonly string[];
    readonly dotenv: Readonly<Record<string, string>>;
    /** An image with a shell on the engine, to read the engine's ulimits in: the one to run, or the plan's base. */
    readonly shellImage: string;
    /** Set when the image can be rebuilt (a folder with Parity's recipe). */
    readonly planned?: PlannedProject;
}

/** What the image to run is made of: for a folder, its plan (nothing written); for an image, its config. */
async function projectOf(
    client: EngineClient,
    runTarget: string,
    buildkit: boolean,
    options: RunLikeTargetOptions,
): Promise<ProjectFacts> {
    const folder = runTarget.startsWith(IMAGE_PREFIX) ? null : await folderOf(runTarget);
    if (folder === null) {
        const ref = runTarget.startsWith(IMAGE_PREFIX) ? runTarget.slice(IMAGE_PREFIX.length) : runTarget;
        const image = await client.inspectImage(ref, options.signal).catch((error: unknown) => {
            if (error instanceof EngineError && error.statusCode === 404) {
                throw new SandboxError(
                    'not-found',
                    `There is no folder ${runTarget} and no image ${ref} on ${client.address}. Give a project folder, or build the image first.`,
                );
            }
            throw error;
        });
        return { like: null, imageEnvNames: envNames(image.Config?.Env ?? []), dotenv: {}, shellImage: ref };
    }
    const { snapshot, plan } = await planProject(folder, {
        log: options.log,
        toolVersion: options.toolVersion,
        ...(options.env ? { env: options.env } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.plan ? { plan: options.plan } : {}),
    });
    const files = await inspectRecipe(plan.projectRoot, renderRecipe(plan, { buildkit }));
    const dockerfile = files.find((file) => file.name === 'Dockerfile');
    const usersDockerfile = dockerfile?.status === 'user';
    const dotenv = await readProjectDotenv(plan.projectRoot);
    const runtime = plan.base.runtime
        ? { name: plan.base.runtime.name, version: plan.base.runtime.version.value }
        : null;
    const override = options.plan?.baseImageOverride;
    const fixedBecause = usersDockerfile
        ? 'the Dockerfile is yours and is built as it is'
        : override
          ? `the base image is set to ${override}`
          : null;
    const imageEnvNames = usersDockerfile
        ? [...readDockerfileFacts('Dockerfile', dockerfile.current ?? '').env.keys()]
        : [
              ...Object.keys(plan.env),
              ...Object.keys(plan.locale.value),
              ...(plan.timezone.value === null ? [] : ['TZ']),
          ];
    return {
        like: { runtime, fixedBecause },
        imageEnvNames,
        dotenv,
        shellImage: plan.base.image,
        ...(fixedBecause === null
            ? {
                  planned: {
                      folder,
                      snapshot,
                      plan,
                      usersDockerignore: files.some((file) => file.name === '.dockerignore' && file.status === 'user'),
                  },
              }
            : {}),
    };
}

/**
 * The project's image on another runtime version: the plan made again with the target's version, its
 * Dockerfile built from memory under `<folder>-<hash>:like-<runtime>-<version>` — reused while it is up to
 * date with the folder, so a second run starts at once. Parity's .dockerignore applies (the user's when
 * they wrote one), so .env stays out as it does from the project's own image.
 */
async function likeImage(
    client: EngineClient,
    project: PlannedProject,
    runtime: { readonly name: RuntimeName; readonly version: string },
    options: RunLikeTargetOptions & { readonly buildkit: boolean },
): Promise<SandboxImageChoice> {
    const plan = planFromSnapshot(project.snapshot, {
        ...options.plan,
        projectRoot: project.folder,
        overrides: { ...options.plan?.overrides, runtimeVersion: runtime.version },
    });
    const recipe = renderRecipe(plan, { buildkit: options.buildkit });
    const override: RecipeOverride = {
        dockerfile: recipe.dockerfile,
        ...(project.usersDockerignore ? {} : { dockerignore: recipe.dockerignore }),
    };
    const tag = likeImageTag(resolve(plan.projectRoot, plan.appRoot), runtime.name, runtime.version);
    const freshness = options.rebuild
        ? null
        : await imageFreshness(client, plan.projectRoot, tag, options.signal, override);
    let how: SandboxImageChoice['how'] = 'current';
    let why = freshness?.why ?? 'a rebuild was asked for';
    if (freshness?.current) {
        options.log.info(`${freshness.why}; not building.`);
    } else {
        options.log.info(`Building ${tag} on ${plan.base.image} — ${why}.`);
        await buildProject(client, {
            projectRoot: plan.projectRoot,
            tag,
            builder: options.buildkit ? 'buildkit' : 'classic',
            log: options.log,
            plan,
            recipe: override,
            ...(options.env ? { env: options.env } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onBuildEvent ? { onEvent: options.onBuildEvent } : {}),
        });
        how = 'built';
        why = `built on ${plan.base.image}`;
    }
    const image = await client.inspectImage(tag, options.signal);
    return {
        image: tag,
        projectRoot: project.folder,
        port: options.port ?? plan.port.value,
        how,
        why,
        config: image.Config ?? null,
    };
}

/** `<folder>-<hash>:like-node-20.20.2`: apart from the project's own `:parity`, shared by every target on that version. */
export function likeImageTag(appFolder: string, runtime: RuntimeName, version: string): string {
    return `${projectImageName(appFolder)}:like-${runtime}-${version}`;
}

function envNames(entries: readonly string[]): string[] {
    return entries.map((entry) => entry.split('=')[0] ?? '').filter((name) => name !== '');
}
