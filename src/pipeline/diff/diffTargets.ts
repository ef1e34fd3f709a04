import { resolve } from 'node:path';
import type { DiffReport } from '../../core/diff/DiffReport';
import type { DiffRules } from '../../core/diff/DiffRules';
import { type DiffTarget, formatDiffTarget } from '../../core/diff/DiffTarget';
import type { SideDrift } from '../../core/diff/withDrift';
import { type EngineRef, engineRefText } from '../../core/targetAddress';
import type { Logger } from '../../core/Logger';
import { EnvHashKey } from '../../core/snapshot/EnvHashKey';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import { userEnvHashKey } from '../../core/snapshot/userEnvHashKey';
import type { EngineClient } from '../../engine/EngineClient';
import { captureHost } from '../../targets/host/captureHost';
import { requireProjectFolder } from '../requireProjectFolder';
import { captureEngineTarget } from '../targets/captureEngineTarget';
import { type CapturedSide, compareSides, type DiffSide } from './compareSides';
import { readSnapshotFile } from './readSnapshotFile';

export interface DiffTargetsRequest {
    readonly from: DiffTarget;
    readonly to: DiffTarget;
    /** Three-way: the image built from the project, between the machine and the target. */
    readonly via?: DiffTarget;
    /** Folder fixes point into and .parity/config.json is read from; default: the host side's path (from, via, to), else none. */
    readonly projectRoot?: string;
    /** Rules from settings, layered over .parity/config.json (mergeDiffRules). */
    readonly rules?: Partial<DiffRules>;
    /**
     * Called only when a side needs an engine, once per engine: `engine` is the side's `@ENGINE`, undefined for
     * the engine Parity talks to anyway.
     */
    readonly client: (engine?: EngineRef) => Promise<EngineClient>;
    /**
     * Engines of swarm nodes, by node hostname or id: a `swarm:` side's tasks on another node than its manager's
     * are probed through these (each resolved with `client`); without one such a task is reported as not probed.
     */
    readonly nodeEngines?: ReadonlyMap<string, EngineRef>;
    readonly log: Logger;
    readonly toolVersion: string;
    readonly signal?: AbortSignal;
    readonly env?: NodeJS.ProcessEnv;
    /** registry: sides keep the images pulled to probe them (by default they are removed again). */
    readonly keepPulled?: boolean;
    /** Where relative host:/file: paths start (default process.cwd()). */
    readonly base?: string;
}

export interface DiffTargetsResult {
    readonly report: DiffReport;
    readonly snapshots: { readonly from: Snapshot; readonly to: Snapshot; readonly via?: Snapshot };
    /**
     * What recomputing the comparison after a project file changed needs (refreshDiff), kept in memory only:
     * the key the live sides' env values were hashed with, the replicas' drift, the project and host side.
     */
    readonly envKey?: EnvHashKey;
    readonly drift: readonly SideDrift[];
    readonly projectRoot?: string;
    readonly hostSide?: DiffSide;
}

type Side = DiffSide;

/**
 * Two (or three) named environments as one DiffReport: saved snapshots are read first, then every live side is
 * captured in parallel with one env hash key, so their values compare; then the project's files and rules,
 * and the pure diff. Throws what the failing side threw (DiffTargetError, SnapshotValidationError,
 * EngineError, ProjectPathError, DiffConfigError), each with a message a person can act on.
 */
export async function diffTargets(request: DiffTargetsRequest): Promise<DiffTargetsResult> {
    const started = performance.now();
    const base = request.base ?? process.cwd();
    const sides: Side[] = request.via ? ['from', 'via', 'to'] : ['from', 'to'];
    const targetOf = (side: Side): DiffTarget => (side === 'via' ? (request.via as DiffTarget) : request[side]);
    const hostFolders = new Map<Side, Promise<string>>();
    for (const side of sides) {
        const target = targetOf(side);
        if (target.kind === 'host') {
            // Checked before anything is captured: a typo must not cost an engine round trip first.
            hostFolders.set(side, requireProjectFolder(resolve(base, target.path)));
        }
    }
    const files = new Map<Side, Snapshot>();
    await Promise.all(
        sides.map(async (side) => {
            const target = targetOf(side);
            if (target.kind === 'file') {
                files.set(side, await readSnapshotFile(resolve(base, target.path), formatDiffTarget(target)));
            }
        }),
    );
    await Promise.all(hostFolders.values());
    const live = sides.some((side) => targetOf(side).kind !== 'file');
    const envKey = live ? await liveEnvKey([...files.values()]) : undefined;

    const clients = new Map<string, Promise<EngineClient>>();
    const engine = (ref: EngineRef | undefined): Promise<EngineClient> => {
        const key = ref ? engineRefText(ref) : '';
        let client = clients.get(key);
        if (!client) {
            client = request.client(ref);
            clients.set(key, client);
        }
        return client;
    };
    const probe = {
        log: request.log,
        toolVersion: request.toolVersion,
        ...(envKey ? { envKey } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
    };
    const forNode = async (node: { id: string; hostname: string }): Promise<EngineClient | undefined> => {
        const ref = request.nodeEngines?.get(node.hostname) ?? request.nodeEngines?.get(node.id);
        return ref ? engine(ref) : undefined;
    };
    const drift: SideDrift[] = [];
    const captured = await Promise.all(
        sides.map(async (side): Promise<[Side, Snapshot]> => {
            const target = targetOf(side);
            switch (target.kind) {
                case 'file':
                    return [side, files.get(side) as Snapshot];
                case 'host':
                    return [
                        side,
                        await captureHost(await (hostFolders.get(side) as Promise<string>), {
                            ...probe,
                            ...(request.env ? { env: request.env } : {}),
                        }),
                    ];
                default: {
                    const options = {
                        ...probe,
                        ...(request.env ? { env: request.env } : {}),
                        ...(request.keepPulled ? { keepPulled: true } : {}),
                    };
                    const captured = await captureEngineTarget(await engine(target.engine), target, options, {
                        forNode,
                    });
                    if (captured.drift || captured.unknown) {
                        drift.push({
                            side,
                            findings: captured.drift ?? [],
                            ...(captured.unknown ? { unknown: captured.unknown } : {}),
                        });
                    }
                    return [side, captured.snapshot];
                }
            }
        }),
    );
    const snapshots = new Map(captured);
    const from = snapshots.get('from') as Snapshot;
    const to = snapshots.get('to') as Snapshot;
    const via = snapshots.get('via');
    request.log.debug(`diff: sides captured in ${Math.round(performance.now() - started)} ms`);

    const hostSide = sides.find((side) => targetOf(side).kind === 'host');
    const projectRoot =
        request.projectRoot === undefined
            ? hostSide === undefined
                ? undefined
                : await hostFolders.get(hostSide)
            : resolve(base, request.projectRoot);
    const sorted = drift.sort((a, b) => sides.indexOf(a.side) - sides.indexOf(b.side));
    const side = (name: Side, snapshot: Snapshot): CapturedSide => ({ target: targetOf(name), snapshot });
    const report = await compareSides({
        from: side('from', from),
        to: side('to', to),
        ...(via ? { via: side('via', via) } : {}),
        drift: sorted,
        ...(projectRoot === undefined ? {} : { projectRoot }),
        ...(hostSide === undefined ? {} : { hostSide }),
        ...(request.rules ? { rules: request.rules } : {}),
        log: request.log,
    });
    request.log.debug(`diff: ${report.findings.length} findings in ${Math.round(performance.now() - started)} ms`);
    return {
        report,
        snapshots: { from, to, ...(via ? { via } : {}) },
        ...(envKey ? { envKey } : {}),
        drift: sorted,
        ...(projectRoot === undefined ? {} : { projectRoot }),
        ...(hostSide === undefined ? {} : { hostSide }),
    };
}

/**
 * The key live sides hash env values with: a fresh one shared by this comparison, so nothing saved can be
 * matched against it later — unless a saved side was hashed with the user's own key, whose values then
 * compare only under that key. Otherwise a saved side's env values are "unknown" (envComparable).
 */
async function liveEnvKey(saved: readonly Snapshot[]): Promise<EnvHashKey> {
    const keyed = saved.filter((snapshot) => snapshot.meta.envKey !== undefined);
    if (keyed.length > 0) {
        const user = await userEnvHashKey();
        if (keyed.some((snapshot) => snapshot.meta.envKey === user.id)) {
            return user;
        }
    }
    return EnvHashKey.generate();
}
