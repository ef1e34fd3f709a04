import type { RuntimeName, Snapshot } from '../snapshot/Snapshot';
import { decidePort, decideStartCommand } from './appDecisions';
import { byDesignNotes } from './byDesignNotes';
import { chooseOs } from './chooseOs';
import { decideLocale } from './decideLocale';
import { decideTimezone } from './decideTimezone';
import { imageTitle } from './imageTitle';
import { PLAN_VERSION, type CaPlan, type Plan } from './Plan';
import type { EcosystemPlan, PlanContext, PlanOptions } from './PlanContext';
import { planGeneric } from './planGeneric';
import { planGo } from './planGo';
import { planJava } from './planJava';
import { planNode } from './planNode';
import { planPython } from './planPython';
import { planRuby } from './planRuby';

export type { PlanOptions } from './PlanContext';

/** The BuildKit secret id (and build-context file name without BuildKit) of the CA bundle. */
export const CA_SECRET_ID = 'parity-ca';

const PLANNERS: Partial<
    Record<RuntimeName, (context: PlanContext) => EcosystemPlan | { readonly unsupported: string }>
> = {
    node: planNode,
    python: planPython,
    go: planGo,
    ruby: planRuby,
    java: planJava,
};

/**
 * What Parity will build for a snapshot: runtime pinned to what the app really runs, the OS family and libc
 * kept, dependency installs laid out for the layer cache, the start command and port, the CA handling, the
 * locale and time zone — each decision with its reason — and the differences from the snapshot made on purpose. Pure: the same snapshot and options always give the same plan.
 */
export function planFromSnapshot(snapshot: Snapshot, options: PlanOptions): Plan {
    const os = chooseOs(snapshot.platform);
    const app = snapshot.app;
    const planner = app?.ecosystem ? PLANNERS[app.ecosystem] : undefined;
    const planned =
        app && planner ? planner({ snapshot, options, os, app }) : { unsupported: noRecipeReason(snapshot) };
    const partial = 'unsupported' in planned ? planGeneric(snapshot, options, os, app, planned.unsupported) : planned;

    const start = decideStartCommand(app, options.overrides?.startCommand);
    const port = decidePort(app, options.overrides?.port);
    const env = {
        ...partial.env,
        ...(port.setPortEnv && port.decision.value !== null ? { PORT: String(port.decision.value) } : {}),
    };
    const extra = snapshot.certificates.extra;
    const ca: CaPlan = {
        needed: extra.length > 0,
        secretId: CA_SECRET_ID,
        subjects: [...new Set(extra.map((certificate) => certificate.subject))],
        bakeIntoImage: options.bakeCa ?? false,
    };
    const appRoot = app?.root ?? '.';
    const locale = decideLocale(snapshot.locale, options.overrides?.locale);
    const timezone = decideTimezone(snapshot.timezone, os, options.overrides?.timezone);
    return {
        planVersion: PLAN_VERSION,
        snapshot: { ref: snapshot.meta.source.ref, capturedAt: snapshot.meta.capturedAt },
        projectRoot: options.projectRoot,
        appRoot,
        ecosystem: partial.ecosystem,
        base: partial.base,
        ...(partial.builder ? { builder: partial.builder } : {}),
        packageManager: partial.packageManager,
        ...(partial.systemPackages ? { systemPackages: partial.systemPackages } : {}),
        ...(partial.java ? { java: partial.java } : {}),
        startCommand: start.decision,
        port: port.decision,
        user: partial.user,
        env,
        locale: locale.decision,
        timezone: timezone.decision,
        ca,
        labels: {
            'org.opencontainers.image.title': imageTitle(options.projectRoot, appRoot, app?.name?.value),
            'org.opencontainers.image.base.name': partial.base.image,
            'parity.ecosystem': partial.ecosystem,
            'parity.plan.version': String(PLAN_VERSION),
        },
        todo: [...partial.todo, ...start.todo],
        byDesign: [
            ...byDesignNotes(snapshot, { ecosystem: partial.ecosystem, user: partial.user, env, ca, appRoot }),
            ...locale.byDesign,
            ...timezone.byDesign,
        ],
        warnings: [...partial.warnings, ...locale.warnings, ...timezone.warnings],
    };
}

function noRecipeReason(snapshot: Snapshot): string {
    const app = snapshot.app;
    if (app?.ecosystem) {
        return `there is no ${app.ecosystem} recipe yet`;
    }
    if (app) {
        return 'only a Procfile says how the app starts, and nothing tells which runtime it needs';
    }
    const runtimes = Object.keys(snapshot.runtimes);
    if (runtimes.length === 1 && runtimes[0] === 'java') {
        return 'the Java project has no main class (no public static void main under src/main/java) and no Spring Boot, Quarkus or Micronaut app: a library, or set the start command';
    }
    return runtimes.length > 0
        ? `there are ${runtimes.join(' and ')} files but no app to run (a library, or no entry point)`
        : 'no Node.js, Python, Go, Java or Ruby project was found here';
}
