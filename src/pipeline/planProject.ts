import { join } from 'node:path';
import type { Logger } from '../core/Logger';
import { type Plan } from '../core/plan/Plan';
import type { PlanOptions } from '../core/plan/PlanContext';
import { planFromSnapshot } from '../core/plan/planFromSnapshot';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { writeFileAtomic } from '../core/writeFileAtomic';
import { captureHost } from '../targets/host/captureHost';

export const PLAN_FILE = '.parity/plan.json';

export interface PlanProjectOptions {
    readonly log: Logger;
    readonly toolVersion: string;
    readonly env?: NodeJS.ProcessEnv;
    readonly signal?: AbortSignal;
    readonly plan?: Omit<PlanOptions, 'projectRoot'>;
}

/** Snapshot → plan for a project folder; nothing is written. */
export async function planProject(projectRoot: string, options: PlanProjectOptions): Promise<{ snapshot: Snapshot; plan: Plan }> {
    const snapshot = await captureHost(projectRoot, {
        toolVersion: options.toolVersion,
        log: options.log,
        ...(options.env ? { env: options.env } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    return { snapshot, plan: planFromSnapshot(snapshot, { ...options.plan, projectRoot }) };
}

/** Saves the plan as .parity/plan.json (Parity's own file: replaced freely, written atomically). */
export async function savePlan(plan: Plan): Promise<string> {
    const path = join(plan.projectRoot, PLAN_FILE);
    await writeFileAtomic(path, `${JSON.stringify(plan, null, 2)}\n`);
    return path;
}
