import { stat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { resolve } from 'node:path';
import { BuildError } from '../core/build/BuildError';
import { parseImageReference } from '../core/images/imageReference';
import { ProjectPathError } from '../core/ProjectPathError';
import { formatDiffTarget, parseDiffTarget } from '../core/diff/DiffTarget';
import { exitFailed } from '../core/sandbox/exitReason';
import { parseSize } from '../core/sandbox/parseSize';
import { SandboxPolicyError, type SandboxSettings } from '../core/sandbox/sandboxPolicy';
import { SandboxError } from '../core/sandbox/SandboxError';
import type { Sandbox } from '../engine/sandbox/Sandbox';
import { loadSandboxTarget } from '../pipeline/loadSandboxTarget';
import { requireProjectFolder } from '../pipeline/requireProjectFolder';
import { runLikeTarget } from '../pipeline/runLikeTarget';
import { IMAGE_PREFIX, runSandbox } from '../pipeline/runSandbox';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { parsePortOption } from './parsePortOption';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';
import { planOptionsFrom } from './planOptionsFrom';
import { printBuildEvent } from './printBuildEvent';
import { reportBuildError } from './reportBuildError';
import { printSandboxEvent } from './printSandboxEvent';

/** How long a port-less app must live before it counts as a running worker (an app that crashes at start ends sooner). */
const WORKER_SETTLE_MS = 2000;

/**
 * `parity run IMAGE|PATH [--port P] [--memory 512m] [--cpus 1] [--pids N] [--network none] [--target T |
 * --like T [--allow-missing-env]] [--detach | --smoke PATH]`. In the foreground the app's output goes to stderr and "Ready at URL" to
 * stdout, and the sandbox lives until the app ends or Ctrl-C (then it is stopped and removed): exit 0 when
 * it was stopped or ended with 0, 1 when it failed (limit hit, non-zero code, never ready).
 */
export async function runCommand(context: CliContext): Promise<ExitCode> {
    if (context.args.length !== 1 || !context.args[0]) {
        throw new CliUsageError(`run takes one IMAGE or PATH, not ${context.args.length}`);
    }
    const target = context.args[0];
    await checkRunTarget(target);
    const { settings, port } = sandboxSettingsFrom(context);
    const smoke = context.options.smoke;
    if (smoke !== undefined && !smoke.startsWith('/')) {
        throw new CliUsageError(`--smoke takes a path starting with /, not "${smoke}"`);
    }
    if (smoke !== undefined && context.options.detach) {
        throw new CliUsageError('--smoke and --detach do not go together: a smoke test always removes its sandbox');
    }
    if (settings.network === 'none' && (smoke !== undefined || context.options.detach)) {
        throw new CliUsageError(
            `--${smoke === undefined ? 'detach' : 'smoke'} needs to reach the app; it cannot go with --network none`,
        );
    }
    const like = context.options.like === undefined ? undefined : parseDiffTarget(context.options.like);
    if (like && context.options.target !== undefined) {
        throw new CliUsageError(
            "--like and --target do not go together: --like takes the target's limits and user too",
        );
    }
    const client = await engineClientFor(context);
    const snapshot =
        context.options.target === undefined
            ? undefined
            : await loadSandboxTarget(client, context.options.target, {
                  log: context.log,
                  toolVersion: context.version,
                  signal: context.signal,
              }).catch((error: unknown) => {
                  throw error instanceof SandboxError && error.kind === 'bad-target'
                      ? new CliUsageError(`--target: ${error.message}`)
                      : error;
              });
    const background = context.options.detach === true || smoke !== undefined;

    let sandbox: Sandbox;
    try {
        const options = {
            settings,
            ...(port === undefined ? {} : { port }),
            ...(context.options.tag === undefined ? {} : { tag: context.options.tag }),
            plan: planOptionsFrom(context),
            log: context.log,
            toolVersion: context.version,
            env: context.env,
            signal: context.signal,
            onBuildEvent: printBuildEvent(context.stderr, context.options.verbose),
            onEvent: printSandboxEvent(context, { logs: true }),
        };
        if (like) {
            const started = await runLikeTarget(client, target, like, {
                ...options,
                clientFor: (engine) => (engine ? engineClientFor(context, engine) : Promise.resolve(client)),
                envValues: (names) => Promise.resolve(envFromProcess(context, formatDiffTarget(like), names)),
            });
            if (!started) {
                return ExitCode.CouldNotRun;
            }
            ({ sandbox } = started);
        } else {
            ({ sandbox } = await runSandbox(client, target, { ...options, ...(snapshot ? { target: snapshot } : {}) }));
        }
    } catch (error) {
        if (error instanceof SandboxPolicyError || (error instanceof SandboxError && error.kind === 'not-found')) {
            throw new CliUsageError(error.message);
        }
        if (error instanceof BuildError) {
            return reportBuildError(context, error);
        }
        throw error;
    }

    if (sandbox.policy.port === null || sandbox.policy.network === 'none') {
        if (smoke !== undefined) {
            await sandbox.stop();
            throw new CliUsageError(
                'no port is known for the app, so there is nothing to smoke-test: give one with --port',
            );
        }
        // A worker answers on no port: it counts as running while its process lives.
        const exit = await Promise.race([sandbox.exited, delay(WORKER_SETTLE_MS, undefined)]);
        if (exit !== undefined) {
            context.log[exit !== null && exitFailed(exit) ? 'error' : 'info'](
                `Sandbox ${sandbox.name}: the app ${exit?.reason ?? 'ended'} right after it started.`,
            );
            return exitCodeOf(exit);
        }
        if (background) {
            sandbox.detach();
            context.stdout(sandbox.name);
            context.log.info(
                `Sandbox ${sandbox.name} runs as a worker (no port, nothing waits for it to answer) and keeps running; \`parity stop ${sandbox.name}\` stops and removes it.`,
            );
            return ExitCode.Ok;
        }
        context.log.info(
            `Sandbox ${sandbox.name} runs as a worker (no port, nothing waits for it to answer); Ctrl-C stops it.`,
        );
        return exitCodeOf(await sandbox.exited);
    }
    try {
        const ready = await sandbox.waitReady({
            ...(smoke === undefined ? {} : { path: smoke }),
            signal: context.signal,
        });
        if (context.options.detach) {
            // stdout carries only the name, so `name=$(parity run -d …)` works.
            context.log.info(`Ready at ${ready.url}`);
        } else {
            context.stdout(`Ready at ${ready.url}`);
        }
        if (smoke !== undefined) {
            const passed = ready.status >= 200 && ready.status < 300;
            context.log[passed ? 'info' : 'error'](
                `Smoke test: GET ${smoke} answered ${ready.status}${passed ? '' : ' (not 2xx)'}.`,
            );
            await sandbox.stop();
            return passed ? ExitCode.Ok : ExitCode.Failed;
        }
        if (context.options.detach) {
            sandbox.detach();
            context.stdout(sandbox.name);
            context.log.info(
                `Sandbox ${sandbox.name} keeps running; \`parity stop ${sandbox.name}\` stops and removes it.`,
            );
            return ExitCode.Ok;
        }
    } catch (error) {
        if (context.signal.aborted) {
            return exitCodeOf(await sandbox.stop('cancelled'));
        }
        if (error instanceof SandboxError) {
            context.log.error(error.message);
            await sandbox.stop();
            return ExitCode.Failed;
        }
        await sandbox.stop();
        throw error;
    }
    return exitCodeOf(await sandbox.exited);
}

/**
 * A path that exists must be a project folder; anything else must be a valid image name — so a typo or a
 * file is a clear error before any work, not an engine's complaint about the request.
 */
async function checkRunTarget(target: string): Promise<void> {
    if (target.startsWith(IMAGE_PREFIX)) {
        parseImageReference(target.slice(IMAGE_PREFIX.length));
        return;
    }
    if (
        await stat(resolve(target)).then(
            () => true,
            () => false,
        )
    ) {
        await requireProjectFolder(target);
        return;
    }
    try {
        parseImageReference(target);
    } catch (error) {
        // A path-like target was meant as a folder; the image grammar's complaint would only confuse.
        const why = /^[./~]/.test(target)
            ? `"${target}" is not an image name either`
            : error instanceof Error
              ? error.message
              : String(error);
        throw new ProjectPathError(`There is no folder ${resolve(target)}, and ${why}.`);
    }
}

/**
 * The values of a target's variables from parity's own environment — only for the names the user passed with
 * --pass-env: the names come from a snapshot, which may be someone else's file, and must not pick which of the
 * user's secrets (GITHUB_TOKEN…) reach the sandbox. Names only are logged. A name without a value refuses the
 * run — the app would meet a variable the target has as missing — unless --allow-missing-env.
 */
function envFromProcess(context: CliContext, targetName: string, names: readonly string[]): Record<string, string> {
    const passed = new Set(context.options.passEnv ?? []);
    const found = names.filter((name) => passed.has(name) && context.env[name] !== undefined);
    const missing = names.filter((name) => !found.includes(name));
    if (missing.length > 0 && !context.options.allowMissingEnv) {
        const unpassed = missing.filter((name) => !passed.has(name));
        const how =
            unpassed.length > 0
                ? `pass ${unpassed.length === 1 ? 'its value' : 'their values'} with --pass-env ${unpassed.join(',')} (the value goes into the sandbox only)`
                : `export ${missing.length === 1 ? 'it' : 'them'} for this run`;
        throw new CliUsageError(
            `${targetName} has ${missing.join(', ')}, which neither the project's .env nor --pass-env gives a value: ${how}, or give --allow-missing-env to run without`,
        );
    }
    if (missing.length > 0) {
        context.log.warn(
            `Like ${targetName}: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no value here and stay${missing.length === 1 ? 's' : ''} unset (--allow-missing-env).`,
        );
    }
    if (found.length > 0) {
        context.log.info(`Like ${targetName}: ${found.join(', ')} from parity's environment (values not shown).`);
    }
    return Object.fromEntries(found.map((name) => [name, context.env[name] as string]));
}

function exitCodeOf(exit: Awaited<Sandbox['exited']>): ExitCode {
    return exit !== null && exitFailed(exit) ? ExitCode.Failed : ExitCode.Ok;
}

/** The flags as sandbox settings; anything absent keeps Parity's default. */
export function sandboxSettingsFrom(context: CliContext): {
    settings: Omit<SandboxSettings, 'projectLabel'>;
    port?: number;
} {
    const { options } = context;
    const number = (flag: string, text: string | undefined, check: (value: number) => boolean): number | undefined => {
        if (text === undefined) {
            return undefined;
        }
        const value = Number(text);
        if (text.trim() === '' || !check(value)) {
            throw new CliUsageError(`--${flag} does not take "${text}"`);
        }
        return value;
    };
    const memory = options.memory === undefined ? undefined : parseSize(options.memory);
    if (memory === null) {
        throw new CliUsageError(`--memory takes a size such as 512m or 1g, not "${options.memory}"`);
    }
    if (options.network !== undefined && options.network !== 'bridge' && options.network !== 'none') {
        throw new CliUsageError(`--network is bridge or none, not "${options.network}"`);
    }
    const cpus = number('cpus', options.cpus, (value) => Number.isFinite(value) && value > 0);
    const pids = number('pids', options.pids, (value) => Number.isInteger(value) && value > 0);
    // --port none: nothing to publish (a worker); the plan of a folder then has no port either.
    const port = options.port === undefined ? undefined : (parsePortOption(options.port) ?? undefined);
    return {
        settings: {
            ...(memory === undefined ? {} : { memoryBytes: memory }),
            ...(cpus === undefined ? {} : { cpus }),
            ...(pids === undefined ? {} : { pids }),
            ...(options.network === undefined ? {} : { network: options.network }),
        },
        ...(port === undefined ? {} : { port }),
    };
}
