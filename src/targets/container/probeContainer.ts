import { formatAge } from '../../core/formatAge';
import { factsWithoutShell } from '../../core/probe/factsWithoutShell';
import { appFromConfig } from '../../core/probe/imageConfig';
import type { ProbeFacts } from '../../core/probe/parseProbeOutput';
import { PROBE_SCRIPT } from '../../core/probe/probeScript';
import { snapshotFromProbe } from '../../core/probe/snapshotFromProbe';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import { userEnvHashKey } from '../../core/snapshot/userEnvHashKey';
import type { EngineClient } from '../../engine/EngineClient';
import { EngineError } from '../../engine/EngineError';
import type { ContainerDetails } from '../../engine/inspectTypes';
import { PROBE_SHELL, type ProbeOptions } from '../probe/ProbeOptions';
import { ProbeKilledError } from './ProbeKilledError';
import { readFilesWithoutShell } from '../probe/readFilesWithoutShell';
import { shellProbeFacts } from '../probe/shellProbeFacts';

/**
 * A running container as a Snapshot, probed with `exec` — it is never started, stopped or restarted. A
 * container without a shell is read through its config and the archive API instead.
 */
export async function probeContainer(client: EngineClient, nameOrId: string, options: ProbeOptions): Promise<Snapshot> {
    const started = performance.now();
    const capturedAt = new Date();
    const { signal, log } = options;
    const envKey = options.envKey ?? (await userEnvHashKey());
    const details = await inspectContainer(client, nameOrId, signal);
    const name = details.Name.replace(/^\//, '') || nameOrId;
    assertRunning(client, name, details);

    const files = client.containerFiles(details.Id, `container ${name}`);
    let facts: ProbeFacts;
    if (await files.exists(PROBE_SHELL, signal)) {
        const result = await client.exec(details.Id, [PROBE_SHELL, '-c', PROBE_SCRIPT], {
            stdin: `${envKey.revealHex()}\n`,
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
            ...(signal ? { signal } : {}),
        });
        if (result.exitCode !== null && KILLED.has(result.exitCode)) {
            // A probe killed from outside printed only part of what it reads: half a snapshot is not a snapshot.
            throw new ProbeKilledError(name, result.exitCode, client.address);
        }
        facts = shellProbeFacts(result, 'container');
    } else {
        const reason = `The container ${name} has no ${PROBE_SHELL}.`;
        log.info(`probe: ${reason} Reading its config and files instead.`);
        const arch = await imageArch(client, details.Image, signal);
        facts = factsWithoutShell(
            { ...details.Config, Env: runtimeEnv(details), ...(arch ? { Architecture: arch } : {}) },
            await readFilesWithoutShell(files, details.Config.Env, arch ?? 'unknown', signal),
            'container',
            reason,
            envKey,
        );
    }

    const durationMs = Math.round(performance.now() - started);
    log.debug(`probe: container ${name} in ${durationMs} ms`);
    const command = [details.Path ?? '', ...(details.Args ?? [])].filter((part, index) => index > 0 || part !== '');
    return snapshotFromProbe(
        facts,
        {
            kind: 'container',
            ref: name,
            ...(details.Id ? { id: details.Id } : {}),
            toolVersion: options.toolVersion,
            capturedAt,
            durationMs,
            envKey: envKey.id,
        },
        appFromConfig(details.Config, 'container config', command),
    );
}

/** Exit codes of a shell killed by SIGKILL or SIGTERM: what a stopping container does to the processes in it. */
const KILLED = new Set([137, 143]);

async function inspectContainer(
    client: EngineClient,
    nameOrId: string,
    signal?: AbortSignal,
): Promise<ContainerDetails> {
    try {
        return await client.inspectContainer(nameOrId, signal);
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            throw new EngineError(
                'api',
                `There is no container ${nameOrId} on the engine at ${client.address} (removed, or never created there). List them with: docker ps -a`,
                client.address,
                404,
                { cause: error },
            );
        }
        throw error;
    }
}

/** Probing must not change the container; one that is not running is the user's to start. */
function assertRunning(client: EngineClient, name: string, details: ContainerDetails): void {
    const state = details.State;
    if (state.Running && !state.Paused && !state.Restarting) {
        return;
    }
    const image = details.Config.Image ?? details.Image;
    const orImage = `probe its image with --target image:${image}`;
    let why: string;
    if (state.Paused) {
        why = `is paused; unpause it (docker unpause ${name}) or ${orImage}`;
    } else if (state.Restarting) {
        why = `is restarting (${details.RestartCount ?? 0} restarts so far, last exit code ${state.ExitCode}); fix what makes it exit or ${orImage}`;
    } else if (state.Status === 'created') {
        why = `is not running (created, never started); start it or ${orImage}`;
    } else {
        const finished = Date.parse(state.FinishedAt);
        const when = Number.isNaN(finished) || finished <= 0 ? '' : ` ${formatAge(finished, Date.now())}`;
        why = `is not running (${state.Status === 'dead' ? 'dead' : `exited${when} with code ${state.ExitCode}`}); start it or ${orImage}`;
    }
    throw new EngineError('api', `Container ${name} ${why}.`, client.address, 409);
}

/** The engine gives every process HOSTNAME on top of the configured environment (as exec sees it too). */
function runtimeEnv(details: ContainerDetails): string[] {
    const env = [...(details.Config.Env ?? [])];
    if (details.Config.Hostname && !env.some((entry) => entry.startsWith('HOSTNAME='))) {
        env.push(`HOSTNAME=${details.Config.Hostname}`);
    }
    return env;
}

/** A container's record has no architecture; its image's has. */
async function imageArch(client: EngineClient, imageId: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
        return (await client.inspectImage(imageId, signal)).Architecture;
    } catch {
        return undefined;
    }
}
