import { BuildError } from './BuildError';
import { diskFullMessage, mentionsDiskFull } from './diskFull';
import type { BuildOutcome } from './BuildProgress';
import { locateBaseImage, parseStepName } from './locateBuildStep';
import type { ParsedDockerfile } from './parseDockerfile';

export interface FailureContext {
    /** The Dockerfile's path in the context, as messages name it. */
    readonly dockerfilePath: string;
    readonly dockerfile?: ParsedDockerfile;
    readonly buildArgs?: Readonly<Record<string, string>>;
    /** Where the engine is, for "not on the engine at …". */
    readonly engineAddress: string;
    /** The engine's data root (`DockerRootDir`), named when its disk is full. */
    readonly dataRoot?: string;
}

/**
 * Turns a failed build's outcome into one BuildError that says what failed, where in the Dockerfile, and
 * what to do: a missing base image names the image and how to provide it, a missing secret names the
 * secret, a parse error names the line, a failed step carries its last output lines.
 */
export function buildFailure(outcome: BuildOutcome, context: FailureContext): BuildError {
    const engineMessage = outcome.failedStepError ?? outcome.error ?? 'the build stopped without a result';
    const step = outcome.failedStep;
    const at = (line: number | undefined): string =>
        line === undefined ? context.dockerfilePath : `${context.dockerfilePath} line ${line}`;

    if (mentionsDiskFull([engineMessage, outcome.error, ...outcome.logTail])) {
        const during =
            step && !step.internal
                ? `during the build, at ${at(step.line)} (${shorten(parseStepName(step.name).instruction)})`
                : 'during the build';
        return new BuildError('disk-full', diskFullMessage(context.engineAddress, during, context.dataRoot), {
            ...(step ? { step: step.name } : {}),
            ...(step?.line === undefined ? {} : { line: step.line }),
            logTail: outcome.logTail,
            engineMessage,
        });
    }

    const image = baseImageOf(outcome, context);
    if (image) {
        const reason = pullFailureReason(outcome.error ?? engineMessage);
        return new BuildError(
            'base-image',
            `The base image ${image.name} (${at(image.line)}) is not on the engine at ${context.engineAddress} and could not be pulled (${reason}). ` +
                `Provide it on that engine — docker pull ${image.name} where a registry is reachable, docker load -i an exported copy, or docker tag an image you have as ${image.name} — or change the FROM line.`,
            {
                ...(step ? { step: step.name } : {}),
                ...(image.line === undefined ? {} : { line: image.line }),
                logTail: outcome.logTail,
                subject: image.name,
                engineMessage,
            },
        );
    }

    const secret = /secret (\S+) not found/i.exec(engineMessage);
    if (secret?.[1]) {
        return new BuildError(
            'secret',
            `${at(step?.line)} mounts the build secret "${secret[1]}" with required=true, but the build was given no secret of that id.`,
            {
                ...(step ? { step: step.name } : {}),
                ...(step?.line === undefined ? {} : { line: step.line }),
                logTail: outcome.logTail,
                subject: secret[1],
                engineMessage,
            },
        );
    }

    if (step && !step.internal) {
        const instruction = parseStepName(step.name).instruction;
        return new BuildError(
            'step',
            `The build failed at ${at(step.line)} (${shorten(instruction)}): ${stepReason(engineMessage)}.`,
            {
                step: step.name,
                ...(step.line === undefined ? {} : { line: step.line }),
                logTail: outcome.logTail,
                engineMessage,
            },
        );
    }

    const parse = /(?:dockerfile parse error|parse error) (?:on )?line (\d+):\s*(.*)$/i.exec(engineMessage);
    if (parse) {
        const line = Number(parse[1]);
        return new BuildError(
            'dockerfile',
            `${at(line)} is not valid Dockerfile syntax: ${parse[2] ?? engineMessage}.`,
            { line, logTail: [], engineMessage },
        );
    }
    if (
        /failed to (?:create LLB definition|parse dockerfile)|dockerfile parse error|unknown instruction|unknown flag/i.test(
            engineMessage,
        )
    ) {
        return new BuildError(
            'dockerfile',
            `${context.dockerfilePath} could not be turned into a build: ${stripBuilderPrefixes(engineMessage)}.`,
            { logTail: [], engineMessage },
        );
    }
    return new BuildError('build', `The build failed: ${stripBuilderPrefixes(engineMessage)}.`, {
        ...(step ? { step: step.name } : {}),
        ...(step?.line === undefined ? {} : { line: step.line }),
        logTail: outcome.logTail,
        engineMessage,
    });
}

/** The base image behind a failure, as the FROM line writes it, when the failure is about getting one. */
function baseImageOf(outcome: BuildOutcome, context: FailureContext): { name: string; line?: number } | undefined {
    const step = outcome.failedStep;
    const buildArgs = context.buildArgs ?? {};
    // BuildKit: resolving the image's metadata failed.
    const metadata = step && /^\[internal\] load metadata for (\S+)$/.exec(step.name);
    if (metadata?.[1]) {
        return describe(metadata[1], context, buildArgs);
    }
    // Classic builder: the failing step is a FROM (it pulls there).
    if (step && !step.internal) {
        const instruction = parseStepName(step.name).instruction;
        const from = /^FROM\s+(?:--\S+\s+)*(\S+)/i.exec(instruction);
        if (from?.[1]) {
            return { name: from[1], ...(step.line === undefined ? {} : { line: step.line }) };
        }
    }
    // Either builder, in words: "pull access denied for x", "…/v2/<name>/manifests/<tag>".
    const message = outcome.error ?? '';
    const denied = /pull access denied for ([^\s,]+)/i.exec(message);
    if (denied?.[1]) {
        return describe(denied[1], context, buildArgs);
    }
    const manifest = /https?:\/\/([^/\s"]+)\/v2\/(\S+?)\/manifests\/([^\s"]+)/.exec(message);
    if (
        manifest?.[1] &&
        manifest[2] &&
        manifest[3] &&
        /failed to (?:do request|resolve|fetch)|not found|no such host|dial tcp/i.test(message)
    ) {
        const host = manifest[1] === 'registry-1.docker.io' ? 'docker.io' : manifest[1];
        const separator = manifest[3].startsWith('sha256:') ? '@' : ':';
        return describe(`${host}/${manifest[2]}${separator}${manifest[3]}`, context, buildArgs);
    }
    return undefined;
}

function describe(
    reference: string,
    context: FailureContext,
    buildArgs: Readonly<Record<string, string>>,
): { name: string; line?: number } {
    const located = context.dockerfile ? locateBaseImage(reference, context.dockerfile, buildArgs) : undefined;
    const written = located ? /^\s*(?:--\S+\s+)*(\S+)/.exec(located.instruction.args)?.[1] : undefined;
    const name = written && !written.includes('$') ? written : reference.replace(/^docker\.io\/(?:library\/)?/, '');
    return { name, ...(located ? { line: located.line } : {}) };
}

function pullFailureReason(message: string): string {
    if (
        /no such host|server misbehaving|i\/o timeout|dial tcp|connection refused|network is unreachable|TLS handshake timeout/i.test(
            message,
        )
    ) {
        return 'the registry is not reachable from the engine';
    }
    if (/pull access denied|not found|manifest unknown|does not exist/i.test(message)) {
        return 'the registry has no such image, or needs a login';
    }
    if (/unauthorized|authentication required/i.test(message)) {
        return 'the registry needs a login';
    }
    return stripBuilderPrefixes(message);
}

/** "executor failed running [/bin/sh -c …]: exit code: 3" → "the command exited with code 3". */
function stepReason(message: string): string {
    const exit = /exit code: (\d+)/.exec(message) ?? /returned a non-zero code: (\d+)/.exec(message);
    if (exit) {
        return `the command exited with code ${exit[1]}`;
    }
    return stripBuilderPrefixes(message);
}

function stripBuilderPrefixes(message: string): string {
    return message
        .replace(/^failed to solve with frontend \S+: /, '')
        .replace(/^failed to solve: /, '')
        .replace(/^failed to create LLB definition: /, '')
        .replace(/[.\s]+$/, '');
}

/** The instruction as a person reads it: one line, without its `--mount`/`--from` options, not too long. */
function shorten(text: string): string {
    const squashed = text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^(\S+)(?: --\S+)+/, '$1');
    return squashed.length > 120 ? `${squashed.slice(0, 117)}…` : squashed;
}
