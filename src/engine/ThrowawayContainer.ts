import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { collectOutput } from './collectOutput';
import { CONTAINER_LABEL, MANAGED_LABEL, PURPOSE_LABEL } from '../core/sandbox/sandboxLabels';
import { ContainerFiles, type EngineCall } from './ContainerFiles';
import type { Dockerode, DockerodeContainer } from './Dockerode';
import { EngineError } from './EngineError';
import type { CommandResult } from './execInContainer';

export interface ThrowawaySpec {
    /** The value of the `parity.purpose` label, also part of the container's name. */
    readonly purpose: string;
    /** How messages name the image (default: the image reference the container is created from). */
    readonly imageName?: string;
    /** Replaces the image's entrypoint; the image's user and working directory stay. */
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    /** Opens the container's stdin, so run() can hand the command a secret no engine record keeps. */
    readonly stdin?: boolean;
}

// Labels on every container Parity creates, so leftovers can always be found by a label query (and `parity clean`).
export { CONTAINER_LABEL, MANAGED_LABEL, PURPOSE_LABEL } from '../core/sandbox/sandboxLabels';

/**
 * A container Parity created from an image for a moment: no network, no capabilities, read-only root,
 * removed automatically when it exits and explicitly by its owner (EngineClient.withThrowawayContainer)
 * whatever happened. Before it is started, files can be read from it through the archive API — which is
 * how images without a shell are looked into.
 */
export class ThrowawayContainer extends ContainerFiles {
    private started = false;

    constructor(
        id: string,
        readonly image: string,
        call: EngineCall,
    ) {
        super(id, image, call);
    }

    /**
     * Starts the container and returns what its command printed. Once only: the container removes itself
     * when the command ends. The exit code is read from the engine's answer to "wait until removed", which
     * has to be asked before the start. `timeoutMs` bounds the whole run (default: the engine request limit).
     * `input` goes to the command's stdin (the spec must open it).
     */
    async run(signal?: AbortSignal, timeoutMs?: number, input?: string): Promise<CommandResult> {
        if (this.started) {
            throw new Error(`The throwaway container ${this.id} was already started.`);
        }
        this.started = true;
        return this.call(
            `running a throwaway container from ${this.image}`,
            async (docker, s) => {
                const container = docker.getContainer(this.id);
                const removed = container.wait({ condition: 'removed', abortSignal: s }).then(
                    (answer) => answer.StatusCode,
                    () => null,
                );
                const stream =
                    input === undefined
                        ? await container.attach({ stream: true, stdout: true, stderr: true, abortSignal: s })
                        : await container.attach({
                              stream: true,
                              stdout: true,
                              stderr: true,
                              stdin: true,
                              hijack: true,
                              abortSignal: s,
                          });
                await container.start({ abortSignal: s });
                if (input !== undefined) {
                    (stream as NodeJS.WritableStream).write(input);
                }
                const output = await collectOutput(docker, stream, s);
                const exitCode = await Promise.race([removed, delay(2000, null, { ref: false })]);
                return { ...output, exitCode };
            },
            signal,
            timeoutMs,
        );
    }
}

/** A name of our own, so a container whose creation was cut short can still be found and removed. */
export function throwawayName(purpose: string): string {
    return `parity-${purpose}-${randomBytes(6).toString('hex')}`;
}

export async function createThrowaway(
    docker: Dockerode,
    image: string,
    name: string,
    spec: ThrowawaySpec,
    signal: AbortSignal,
): Promise<DockerodeContainer> {
    return docker.createContainer({
        name,
        Image: image,
        Entrypoint: [...spec.entrypoint],
        Cmd: [...spec.cmd],
        Labels: { [CONTAINER_LABEL]: name, [MANAGED_LABEL]: 'true', [PURPOSE_LABEL]: spec.purpose },
        AttachStdin: spec.stdin === true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        OpenStdin: spec.stdin === true,
        StdinOnce: spec.stdin === true,
        NetworkDisabled: true,
        HostConfig: {
            NetworkMode: 'none',
            AutoRemove: true,
            ReadonlyRootfs: true,
            CapDrop: ['ALL'],
            SecurityOpt: ['no-new-privileges'],
        },
        abortSignal: signal,
    });
}

/**
 * Removes a throwaway container and waits until it is gone. "No such container" is success; "removal
 * already in progress" (AutoRemove got there first) waits for that removal to finish.
 */
export async function removeThrowaway(call: EngineCall, idOrName: string): Promise<void> {
    try {
        await call(`removing throwaway container ${idOrName}`, (docker, s) =>
            docker.getContainer(idOrName).remove({ force: true, v: true, abortSignal: s }),
        );
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            return;
        }
        if (error instanceof EngineError && error.statusCode === 409) {
            await call(`waiting for throwaway container ${idOrName} to go`, (docker, s) =>
                docker.getContainer(idOrName).wait({ condition: 'removed', abortSignal: s }),
            ).catch((waitError: unknown) => {
                if (!(waitError instanceof EngineError && waitError.statusCode === 404)) {
                    throw waitError;
                }
            });
            return;
        }
        throw error;
    }
}
