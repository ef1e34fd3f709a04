import { parseArgs } from 'node:util';
import { ImageReferenceError, parseImageReference } from '../core/images/imageReference';
import { ProjectPathError } from '../core/ProjectPathError';
import { isDiffInputError } from './isDiffInputError';
import { isEngineError } from '../engine/EngineError';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { parsePort } from '../core/plan/parsePort';
import { portUsage } from './parsePortOption';
import { ExitCode } from './ExitCode';
import { stderrLogger } from './stderrLogger';

const USAGE = `Usage: parity <command> [options]

Commands:
  doctor                     Show which Docker engine Parity uses and what it offers
  snapshot [PATH]            Capture the environment of the project at PATH (default: .) on this machine
  snapshot --target T         Capture the environment of a target: image:REF, container:NAME, swarm:SERVICE
                             or registry:REF (pulled by the engine, probed, removed again), each
                             optionally @ENGINE (an address or a Docker context)
  plan [PATH]                Decide what to build and why (base image pinned to what runs here, start
                             command, port); saved as .parity/plan.json
  recipe [PATH]              Plan, then write Dockerfile and .dockerignore (never over yours without --force)
  build [PATH]               Build the folder's Dockerfile as it is, with live progress
  package [PATH]             plan + recipe + build
  run IMAGE|PATH             Run an image, or a project folder (packaged first when its image is missing or
                             stale), in a locked-down sandbox: non-root, no capabilities, read-only root,
                             memory/CPU/process limits, its port on 127.0.0.1 only. Logs on stderr,
                             "Ready at URL" on stdout; Ctrl-C stops and removes it
  ps                         List Parity's sandboxes (name, image, state, ports, age)
  stop NAME... | --all       Stop and remove sandboxes
  clean                      Remove every container Parity created; images and other containers stay
  prune [--yes]              List Parity's leftovers (stopped sandboxes, untagged Parity builds) with a
                             total; --yes removes them. Nothing that is not Parity's is touched
  push IMAGE TARGET          Tag IMAGE as TARGET and push it, with the Docker config's credentials
  diff [--from T] --to T [--via T]
                             What differs between two environments, each finding with its severity and
                             fix; T is host:PATH (default host:.), image:REF, container:NAME,
                             swarm:SERVICE, registry:REF (engine kinds optionally @ENGINE) or file:PATH
                             (a saved snapshot); --via T adds the image built from the project between them. Exit 1
                             when a finding is at or above --fail-on

Options:
  -H, --host ADDR   Engine address (unix:///path, tcp://host:port, ssh://user@host); default: DOCKER_HOST, the Docker context, the default socket
  --tlsverify       TLS to a tcp:// engine, verifying its certificate (--tls: encrypt only, no verification)
  --tlscacert FILE  CA certificate to trust (default: ca.pem in DOCKER_CERT_PATH, else ~/.docker)
  --tlscert FILE    Client certificate (default: cert.pem there)
  --tlskey FILE     Client key (default: key.pem there)
  --keep-pulled     snapshot/diff: keep a registry: image on the engine after probing it
  --json            Print JSON on stdout (doctor)
  --format FMT      json (default) or text (snapshot); text (default), json, markdown or sarif (diff)
  --fail-on SEV     diff: exit 1 on a finding of this severity or above: error (default), warning, info
  --node-engine HOSTNAME=ENGINE
                    diff: a swarm node's own engine, to probe a swarm: service's tasks on that node (repeatable)
  --out FILE        Write the result to FILE atomically instead of stdout
  --target T        snapshot: image:REF, container:NAME, swarm:SERVICE or registry:REF, each optionally
                    @ENGINE; run: image:REF, container:NAME or a snapshot FILE — its memory, CPUs,
                    ulimits and user win over the flags
  --like T          run: run like the target T (container:NAME[@ENGINE], image:REF, file:PATH …): its runtime
                    version (the image rebuilt on it), TZ, locale, limits, user and env var names; values
                    come from .env, then from --pass-env. Never weaker: non-root, no capabilities
  --pass-env NAMES  run --like: take these variables' values from parity's own environment (comma-separated,
                    repeatable); no other variable of this shell ever reaches the sandbox
  --allow-missing-env
                    run --like: run even when a target's variable has no value here (it is left unset)
  --tag T           Image name for build/package/run (default: <folder>-<hash of its path>:parity)
  --force           Replace a Dockerfile/.dockerignore that Parity did not write (recipe, package)
  --timeout SEC     Limit for each engine request (default 10)
  --port P          The app's port inside the container, 1-65535, or none for a worker (plan, recipe, package:
                    over the one found; run: default the plan's, else the image's EXPOSE)
  --memory SIZE     Memory limit, no swap (run; default 512m)
  --cpus N          CPU limit (run; default 1)
  --pids N          Process limit (run; default 256)
  --network MODE    bridge (default) or none (run)
  -d, --detach      run: print the sandbox's name once it is ready and leave it running
  --smoke PATH      run: wait until ready, GET PATH, exit 0 on 2xx else 1; the sandbox is always removed
  --all             stop: every sandbox
  -y, --yes         prune: remove what it lists
  -v, --verbose     Log every engine call on stderr
  -h, --help        Show this help
  --version         Show the version`;

type Command = (context: CliContext) => Promise<ExitCode>;

/**
 * Each command is imported when it runs (its own chunk of dist/cli-main.mjs): `parity --help` never compiles
 * the pipeline, and `parity snapshot` never compiles the build or the sandbox.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
    doctor: async () => (await import('./doctorCommand')).doctorCommand,
    snapshot: async () => (await import('./snapshotCommand')).snapshotCommand,
    plan: async () => (await import('./planCommand')).planCommand,
    recipe: async () => (await import('./recipeCommand')).recipeCommand,
    build: async () => (await import('./buildCommand')).buildCommand,
    package: async () => (await import('./buildCommand')).packageCommand,
    run: async () => (await import('./runCommand')).runCommand,
    ps: async () => (await import('./psCommand')).psCommand,
    stop: async () => (await import('./stopCommand')).stopCommand,
    clean: async () => (await import('./cleanCommand')).cleanCommand,
    prune: async () => (await import('./pruneCommand')).pruneCommand,
    push: async () => (await import('./pushCommand')).pushCommand,
    diff: async () => (await import('./diffCommand')).diffCommand,
};

export interface CliIo {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly signal: AbortSignal;
    readonly version: string;
}

/** Parses argv, runs one command and maps every failure onto an exit code and one readable line. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                host: { type: 'string', short: 'H' },
                tls: { type: 'boolean' },
                tlsverify: { type: 'boolean' },
                tlscacert: { type: 'string' },
                tlscert: { type: 'string' },
                tlskey: { type: 'string' },
                'keep-pulled': { type: 'boolean' },
                json: { type: 'boolean', default: false },
                format: { type: 'string' },
                out: { type: 'string' },
                target: { type: 'string' },
                like: { type: 'string' },
                'allow-missing-env': { type: 'boolean', default: false },
                'pass-env': { type: 'string', multiple: true },
                from: { type: 'string' },
                to: { type: 'string' },
                via: { type: 'string' },
                'fail-on': { type: 'string' },
                'node-engine': { type: 'string', multiple: true },
                tag: { type: 'string' },
                force: { type: 'boolean', default: false },
                timeout: { type: 'string' },
                port: { type: 'string' },
                memory: { type: 'string' },
                cpus: { type: 'string' },
                pids: { type: 'string' },
                network: { type: 'string' },
                smoke: { type: 'string' },
                detach: { type: 'boolean', short: 'd', default: false },
                all: { type: 'boolean', default: false },
                yes: { type: 'boolean', short: 'y', default: false },
                verbose: { type: 'boolean', short: 'v', default: false },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', default: false },
            },
        });
    } catch (error) {
        io.stderr(`parity: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
        return ExitCode.CouldNotRun;
    }
    const { values, positionals } = parsed;
    if (values.version) {
        io.stdout(`${io.version}\n`);
        return ExitCode.Ok;
    }
    const [name, ...args] = positionals;
    if (values.help || name === undefined || name === 'help') {
        io.stdout(`${USAGE}\n`);
        return name === undefined && !values.help ? ExitCode.CouldNotRun : ExitCode.Ok;
    }
    const loadCommand = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!loadCommand) {
        io.stderr(`parity: unknown command "${name}"\n\n${USAGE}\n`);
        return ExitCode.CouldNotRun;
    }
    const timeoutSeconds = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
        io.stderr(`parity: --timeout must be a positive number of seconds, not "${values.timeout}"\n`);
        return ExitCode.CouldNotRun;
    }
    if (values.port !== undefined && parsePort(values.port) === undefined) {
        // Checked before any work (an engine, a snapshot): the same line for every command that takes it.
        io.stderr(`parity: ${portUsage(values.port)}\n`);
        return ExitCode.CouldNotRun;
    }
    if (values.tag !== undefined) {
        try {
            parseImageReference(values.tag);
        } catch (error) {
            io.stderr(`parity: --tag: ${error instanceof Error ? error.message : String(error)}\n`);
            return ExitCode.CouldNotRun;
        }
    }
    const log = stderrLogger(values.verbose, io.stderr);
    try {
        const command = await loadCommand();
        return await command({
            args,
            options: {
                json: values.json,
                verbose: values.verbose,
                force: values.force,
                ...(values.tag === undefined ? {} : { tag: values.tag }),
                ...(values.host === undefined ? {} : { host: values.host }),
                ...(values.tls === undefined ? {} : { tls: values.tls }),
                ...(values.tlsverify === undefined ? {} : { tlsVerify: values.tlsverify }),
                ...(values.tlscacert === undefined ? {} : { tlsCaCert: values.tlscacert }),
                ...(values.tlscert === undefined ? {} : { tlsCert: values.tlscert }),
                ...(values.tlskey === undefined ? {} : { tlsKey: values.tlskey }),
                ...(values['keep-pulled'] === undefined ? {} : { keepPulled: values['keep-pulled'] }),
                ...(values.format === undefined ? {} : { format: values.format }),
                ...(values.out === undefined ? {} : { out: values.out }),
                ...(values.target === undefined ? {} : { target: values.target }),
                ...(values.like === undefined ? {} : { like: values.like }),
                allowMissingEnv: values['allow-missing-env'],
                ...(values['pass-env'] === undefined
                    ? {}
                    : {
                          passEnv: values['pass-env']
                              .flatMap((list) => list.split(','))
                              .map((name) => name.trim())
                              .filter((name) => name !== ''),
                      }),
                ...(values.from === undefined ? {} : { from: values.from }),
                ...(values.to === undefined ? {} : { to: values.to }),
                ...(values.via === undefined ? {} : { via: values.via }),
                ...(values['fail-on'] === undefined ? {} : { failOn: values['fail-on'] }),
                ...(values['node-engine'] === undefined ? {} : { nodeEngines: values['node-engine'] }),
                ...(values.port === undefined ? {} : { port: values.port }),
                ...(values.memory === undefined ? {} : { memory: values.memory }),
                ...(values.cpus === undefined ? {} : { cpus: values.cpus }),
                ...(values.pids === undefined ? {} : { pids: values.pids }),
                ...(values.network === undefined ? {} : { network: values.network }),
                ...(values.smoke === undefined ? {} : { smoke: values.smoke }),
                detach: values.detach,
                all: values.all,
                yes: values.yes,
            },
            env: io.env,
            log,
            timeoutMs: timeoutSeconds * 1000,
            signal: io.signal,
            stdout: (text) => io.stdout(`${text}\n`),
            stderr: (text) => io.stderr(`${text}\n`),
            version: io.version,
        });
    } catch (error) {
        if (error instanceof CliUsageError) {
            io.stderr(`parity: ${error.message}\n\n${USAGE}\n`);
            return ExitCode.CouldNotRun;
        }
        if (
            isEngineError(error) ||
            error instanceof ProjectPathError ||
            error instanceof ImageReferenceError ||
            isDiffInputError(error)
        ) {
            io.stderr(`parity: ${error.message}\n`);
            return ExitCode.CouldNotRun;
        }
        log.error(error instanceof Error ? error : String(error));
        return ExitCode.CouldNotRun;
    }
}
