import type { AppFacts, Fact } from '../snapshot/Snapshot';
import type { PlanDecision } from './Plan';

export interface AppOverrides {
    readonly startCommand?: readonly string[];
    readonly port?: number | null;
}

/** How a port was found, when that way means the app reads $PORT (its source, its framework or its server CLI does). */
const READS_PORT =
    /process\.env\.PORT|PORT environment variable|PORT default|\(PORT, else|port: PORT|PORT in scripts\.|^(?:Next\.js|Nuxt|Remix|React Router|SvelteKit|react-scripts start) default|^(?:next|nuxt|nuxi|remix-serve|react-router-serve) /;

/** The app's start command (exec form): the override, else the snapshot's, else empty with a TODO. */
export function decideStartCommand(
    app: AppFacts | null,
    override: readonly string[] | undefined,
): { decision: PlanDecision<readonly string[]>; todo: string[] } {
    const found = app?.startCommand ?? null;
    if (override && override.length > 0) {
        return {
            decision: {
                value: override,
                why: `You set the start command (override)${found ? `; Parity found ${found.value.join(' ')} (${found.how})` : ''}.`,
                ...(found ? { alternatives: [{ value: found.value, why: `Found by Parity: ${found.how}.` }] } : {}),
            },
            todo: [],
        };
    }
    if (found) {
        return {
            decision: {
                value: found.value,
                why: `Parity found it in the project — ${found.how}${where(found)}.`,
                ...(found.at ? { at: found.at } : {}),
            },
            todo: [],
        };
    }
    return {
        decision: {
            value: [],
            why: 'Parity found no start command: no start script, Procfile, main package or entry file says how the app starts.',
        },
        todo: ['Set the start command: CMD in the Dockerfile, or the start command when you review the plan.'],
    };
}

export interface PortChoice {
    readonly decision: PlanDecision<number | null>;
    /** The app reads PORT, so the image sets it to the chosen port. */
    readonly setPortEnv: boolean;
}

/** Said whenever no port was found: what that means for the image and the sandbox, and how to give one. */
export const NO_PORT_WHY =
    'No port found: Parity found no port the app listens on, so the image exposes none and Run in Sandbox runs the app as a worker (nothing waits for it to answer). If it serves HTTP, give the port: `--port N` on parity plan/package/run, or when Package App asks.';

/** The first port the app listens on (EXPOSE), and whether it reads $PORT (then ENV PORT makes it listen there). */
export function decidePort(app: AppFacts | null, override: number | null | undefined): PortChoice {
    const ports = app?.ports ?? [];
    const readsPort = ports.some((port) => READS_PORT.test(port.how));
    const alternatives = (skip: number | null): { value: number | null; why: string }[] =>
        ports
            .filter((port) => port.value !== skip)
            .map((port) => ({ value: port.value, why: `Found by Parity: ${port.how}${where(port)}.` }));
    if (override !== undefined) {
        const others = alternatives(override);
        const env =
            override !== null && readsPort
                ? `; the app reads PORT, so the image sets PORT=${override}`
                : override !== null && ports.length > 0
                  ? '; the app does not read PORT, so make sure it listens there'
                  : override !== null
                    ? `; Parity found no port in the app, so the image also sets PORT=${override} for an app that reads it`
                    : '';
        return {
            decision: {
                value: override,
                why:
                    override === null
                        ? 'You said the app listens on no port (override), so nothing is exposed.'
                        : `You set the port to ${override} (override)${env}.`,
                ...(others.length > 0 ? { alternatives: others } : {}),
            },
            setPortEnv: override !== null && (readsPort || ports.length === 0),
        };
    }
    const first = ports[0];
    if (!first) {
        return { decision: { value: null, why: NO_PORT_WHY }, setPortEnv: false };
    }
    const others = alternatives(first.value);
    return {
        decision: {
            value: first.value,
            why: `The app listens on ${first.value}: ${first.how}${where(first)}${readsPort ? `; it reads PORT, so the image sets PORT=${first.value}` : ''}.`,
            ...(first.at ? { at: first.at } : {}),
            ...(others.length > 0 ? { alternatives: others } : {}),
        },
        setPortEnv: readsPort,
    };
}

function where(fact: Fact<unknown>): string {
    return fact.at ? ` (${fact.at.file}:${fact.at.line})` : '';
}
