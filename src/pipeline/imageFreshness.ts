import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineClient } from '../engine/EngineClient';
import { createBuildContext } from '../engine/build/buildContext';
import { EngineError } from '../engine/EngineError';
import type { ImageDetails } from '../engine/inspectTypes';
import { overrideContext, type RecipeOverride } from './recipeOverride';

export interface Freshness {
    readonly current: boolean;
    /** One sentence for the log: why the image is used as it is, or why it is built again. */
    readonly why: string;
    readonly image: ImageDetails | null;
}

/**
 * Whether the image Parity built for a folder still matches it. It does when all of these hold:
 *  1. the image exists under the tag;
 *  2. its `parity.dockerfile.sha256` label (written by buildProject) equals the hash of today's Dockerfile;
 *  3. nothing in the build context (the files .dockerignore lets through, and their folders — a folder's
 *     time changes when a file is added or deleted) was modified after the build started, as recorded in
 *     its `org.opencontainers.image.created` label (this machine's clock), else the engine's `Created`;
 *     Parity's own .parity/ folder does not count.
 * Times rather than content hashes: reading every file's mtime is cheap, and a touch without a change only
 * costs a cached rebuild.
 */
export async function imageFreshness(
    client: EngineClient,
    projectRoot: string,
    tag: string,
    signal?: AbortSignal,
    recipe?: RecipeOverride,
): Promise<Freshness> {
    let image: ImageDetails;
    try {
        image = await client.inspectImage(tag, signal);
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            return { current: false, why: `there is no image ${tag} yet`, image: null };
        }
        throw error;
    }
    const labels = image.Config?.Labels ?? {};
    const built = labels['parity.dockerfile.sha256'];
    if (built === undefined) {
        return { current: false, why: `${tag} was not built by Parity`, image };
    }
    const context = await createBuildContext(projectRoot, {
        ...overrideContext(recipe),
        ...(signal ? { signal } : {}),
    });
    const dockerfile = (await context.readText(context.dockerfile)) ?? '';
    if (shortSha256(dockerfile) !== built) {
        return { current: false, why: `the Dockerfile changed since ${tag} was built`, image };
    }
    const builtAt = Date.parse(labels['org.opencontainers.image.created'] ?? image.Created ?? '');
    if (!Number.isFinite(builtAt)) {
        return { current: false, why: `${tag} does not say when it was built`, image };
    }
    // Parity's own bookkeeping (.parity/plan.json, recipe.json) is rewritten by plan and recipe; the app never needs it.
    for (const member of context.members.filter((name) => !name.startsWith('.parity/'))) {
        const stats = await lstat(join(projectRoot, member)).catch(() => null);
        if (stats !== null && stats.mtimeMs > builtAt) {
            return { current: false, why: `${member.replace(/\/$/, '')} changed since ${tag} was built`, image };
        }
    }
    return {
        current: true,
        why: `${tag} is up to date with the Dockerfile and every file of the build context`,
        image,
    };
}

/** sha256 of a text, first 16 hex digits: the form of the parity.dockerfile.sha256 and parity.plan labels. */
export function shortSha256(text: string): string {
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
