import type { BuildContext } from '../engine/build/buildContext';
import type { BuildResult } from '../engine/build/buildImage';
import type { BuildEventListener } from '../core/build/BuildEvent';
import type { Plan } from '../core/plan/Plan';
import { renderRecipe } from '../core/plan/renderRecipe';
import { type RecipeOutcome, recipeOutcomes } from '../core/recipe/recipeOutcomes';
import { inspectRecipe, type RecipeFile, type WriteRecipeChoices, writeRecipe } from '../core/recipe/writeRecipe';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { checkProjectFile } from '../core/writeProjectFile';
import type { EngineClient } from '../engine/EngineClient';
import { buildProject } from './buildProject';
import { imageFreshness } from './imageFreshness';
import { imageTagFor } from './imageTagFor';
import { PLAN_FILE, planProject, type PlanProjectOptions, savePlan } from './planProject';

/** What a front end adds to a build it wraps: its own cancellation and where the progress goes. */
export interface BuildExtras {
    readonly signal?: AbortSignal;
    readonly onEvent?: BuildEventListener;
    readonly onContext?: (context: BuildContext) => void;
}

/** The points where a front end takes part; every hook is optional. */
export interface PackageHooks {
    /** Runs the snapshot and plan, e.g. under a cancellable progress notification. */
    readonly planning?: <T>(work: (signal?: AbortSignal) => Promise<T>) => Promise<T>;
    /** Shows the plan before anything is written: the plan to use (changed or not), or undefined to stop. */
    readonly review?: (planned: { snapshot: Snapshot; plan: Plan }) => Promise<Plan | undefined>;
    /**
     * Asked only when the recipe would change files the user wrote or edited: which to replace (a yes in a
     * diff, --force) and which to keep; a file in neither stops with RecipeConflictError, undefined stops
     * quietly. Without the hook every such file is kept and built as it is.
     */
    readonly confirm?: (files: readonly RecipeFile[]) => Promise<WriteRecipeChoices | undefined>;
    /** Runs the build, e.g. under a progress notification; undefined when it failed and was reported. */
    readonly build?: (
        tag: string,
        run: (extras: BuildExtras) => Promise<BuildResult>,
        wrote: readonly RecipeOutcome[],
    ) => Promise<BuildResult | undefined>;
}

export interface PackageProjectOptions extends PlanProjectOptions {
    /** Render the recipe for BuildKit (cache and secret mounts) or the classic builder. */
    readonly buildkit: boolean;
    readonly hooks?: PackageHooks;
}

export interface PreparedRecipe {
    readonly snapshot: Snapshot;
    readonly plan: Plan;
    readonly files: readonly RecipeFile[];
    /** The Dockerfile that will be built is the user's own (kept), not Parity's. */
    readonly usersDockerfile: boolean;
    /** What happened to each file (Dockerfile, .dockerignore, the plan), for the front end to say. */
    readonly outcomes: readonly RecipeOutcome[];
}

/**
 * Snapshot → plan → Dockerfile and .dockerignore, the one sequence every front end runs. Parity's own files
 * are written or brought up to date; a file the user wrote or edited is replaced only when `confirm` says
 * so and is otherwise kept exactly as it is. Every path is checked (no links, nothing outside the project)
 * before the first write. Undefined when a hook stopped it.
 */
export async function prepareRecipe(
    projectRoot: string,
    options: PackageProjectOptions,
): Promise<PreparedRecipe | undefined> {
    const hooks = options.hooks ?? {};
    const planning = hooks.planning ?? ((work) => work());
    const planned = await planning((signal) =>
        planProject(projectRoot, {
            log: options.log,
            toolVersion: options.toolVersion,
            ...(options.env ? { env: options.env } : {}),
            ...((signal ?? options.signal) ? { signal: signal ?? options.signal } : {}),
            ...(options.plan ? { plan: options.plan } : {}),
        }),
    );
    const plan = hooks.review ? await hooks.review(planned) : planned.plan;
    if (!plan) {
        return undefined;
    }
    const recipe = renderRecipe(plan, { buildkit: options.buildkit });
    const inspected = await inspectRecipe(plan.projectRoot, recipe);
    const users = inspected.filter((file) => file.status === 'user');
    const choices =
        users.length === 0
            ? {}
            : hooks.confirm
              ? await hooks.confirm(users)
              : { keep: new Set(users.map((file) => file.name)) };
    if (!choices) {
        return undefined;
    }
    await checkProjectFile(plan.projectRoot, PLAN_FILE);
    const files = await writeRecipe(plan.projectRoot, recipe, choices);
    await savePlan(plan);
    const outcomes = recipeOutcomes(files, choices.replace, PLAN_FILE);
    for (const outcome of outcomes) {
        options.log.info(
            `${outcome.name}: ${{ written: 'written', unchanged: 'unchanged', updated: 'brought up to date with the plan', replaced: 'replaced', kept: 'yours, kept as it is' }[outcome.how]}`,
        );
    }
    const dockerfile = files.find((file) => file.name === 'Dockerfile');
    return {
        snapshot: planned.snapshot,
        plan,
        files,
        usersDockerfile: dockerfile?.status === 'user' && !choices.replace?.has('Dockerfile'),
        outcomes,
    };
}

export interface PackageProjectRequest extends PackageProjectOptions {
    /** The image name (default: imageTagFor the app's folder). */
    readonly tag?: string;
    /** Use the image as it is when it is up to date with the folder (see imageFreshness) instead of building. */
    readonly reuseCurrent?: boolean;
}

export interface PackagedProject extends PreparedRecipe {
    readonly tag: string;
    /** `built` now, or `current`: the image was up to date and reused. */
    readonly how: 'built' | 'current';
    readonly why: string;
    /** The build's result, when there was a build. */
    readonly build?: BuildResult;
}

/**
 * Package a project: prepareRecipe, then build (or reuse a current image when asked). Undefined when a hook
 * stopped it or the build hook reported a failure.
 */
export async function packageProject(
    client: EngineClient,
    projectRoot: string,
    request: PackageProjectRequest,
): Promise<PackagedProject | undefined> {
    const prepared = await prepareRecipe(projectRoot, request);
    if (!prepared) {
        return undefined;
    }
    const { plan } = prepared;
    const tag = request.tag ?? imageTagFor(plan.projectRoot, plan.appRoot);
    let why = 'packaged just now';
    if (request.reuseCurrent) {
        const freshness = await imageFreshness(client, plan.projectRoot, tag, request.signal);
        if (freshness.current) {
            request.log.info(`${freshness.why}; not building.`);
            return { ...prepared, tag, how: 'current', why: freshness.why };
        }
        request.log.info(`Building ${tag} — ${freshness.why}.`);
        why = freshness.why;
    }
    const run = (extras: BuildExtras): Promise<BuildResult> =>
        buildProject(client, {
            projectRoot: plan.projectRoot,
            tag,
            builder: request.buildkit ? 'buildkit' : 'classic',
            log: request.log,
            // The plan's labels describe Parity's Dockerfile; the user's own says nothing about the plan.
            ...(prepared.usersDockerfile ? {} : { plan }),
            ...(request.env ? { env: request.env } : {}),
            ...((extras.signal ?? request.signal) ? { signal: extras.signal ?? request.signal } : {}),
            ...(extras.onEvent ? { onEvent: extras.onEvent } : {}),
            ...(extras.onContext ? { onContext: extras.onContext } : {}),
        });
    const build = request.hooks?.build ? await request.hooks.build(tag, run, prepared.outcomes) : await run({});
    return build ? { ...prepared, tag, how: 'built', why, build } : undefined;
}
