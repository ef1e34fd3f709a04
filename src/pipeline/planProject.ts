import type { Logger } from '../core/Logger';
import { type Plan } from '../core/plan/Plan';
import type { PlanOptions } from '../core/plan/PlanContext';
import { planFromSnapshot } from '../core/plan/planFromSnapshot';
import type { CaptureIssue, Snapshot } from '../core/snapshot/Snapshot';
import { writeProjectFile } from '../core/writeProjectFile';
import { captureHost } from '../targets/host/captureHost';
import { requireProjectFolder } from './requireProjectFolder';

export const PLAN_FILE = '.parity/plan.json';

export interface PlanProjectOptions {
    readonly log: Logger;
    readonly toolVersion: string;
    readonly env?: NodeJS.ProcessEnv;
    readonly signal?: AbortSignal;
    readonly plan?: Omit<PlanOptions, 'projectRoot'>;
}

/**
 * Snapshot → plan for an existing project folder; nothing is written. What the snapshot could not read
 * (a malformed package.json, a pin that is not a version) is logged with its file and line, because the
 * plan was made without it.
 */
export async function planProject(
    projectRoot: string,
    options: PlanProjectOptions,
): Promise<{ snapshot: Snapshot; plan: Plan }> {
    const folder = await requireProjectFolder(projectRoot);
    const snapshot = await captureHost(folder, {
        toolVersion: options.toolVersion,
        log: options.log,
        ...(options.env ? { env: options.env } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const issue of snapshot.issues) {
        options.log[issue.severity === 'info' ? 'info' : 'warn'](issueText(issue));
    }
    return { snapshot, plan: planFromSnapshot(snapshot, { ...options.plan, projectRoot: folder }) };
}

/** A capture issue as one line, prefixed with where it is: `package.json:3: …`. */
export function issueText(issue: CaptureIssue): string {
    return `${issue.at ? `${issue.at.file}:${issue.at.line}: ` : ''}${issue.message}`;
}

/** Saves the plan as .parity/plan.json (Parity's own file: replaced freely, never through a link). */
export async function savePlan(plan: Plan): Promise<string> {
    return writeProjectFile(plan.projectRoot, PLAN_FILE, `${JSON.stringify(plan, null, 2)}\n`);
}
