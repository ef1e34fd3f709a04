import { ImageReferenceError, parseImageReference } from '../core/images/imageReference';
import { parsePort } from '../core/plan/parsePort';
import { ProjectPathError } from '../core/ProjectPathError';
import { isEngineError } from '../engine/EngineError';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { ExitCode } from './ExitCode';
import { isDiffInputError } from './isDiffInputError';
import { portUsage } from './parsePortOption';
import type { CliIo, CliValues } from './runCli';
import { stderrLogger } from './stderrLogger';
import { USAGE } from './usage';

/** One CLI command: everything it needs comes in its context. */
export type Command = (context: CliContext) => Promise<ExitCode>;

/** Checks the shared options, runs one command and maps every failure onto an exit code and one readable line. */
export async function runCliCommand(
    load: () => Promise<Command>,
    args: readonly string[],
    values: CliValues,
    io: CliIo,
): Promise<ExitCode> {
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
        const command = await load();
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
