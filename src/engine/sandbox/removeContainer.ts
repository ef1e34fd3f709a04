import type { EngineCall } from '../ContainerFiles';
import { EngineError } from '../EngineError';

/**
 * Removes a container whatever its state (with its anonymous volumes) and waits until it is gone.
 * "No such container" is success; "removal already in progress" waits for that removal.
 */
export async function removeContainer(call: EngineCall, idOrName: string, signal?: AbortSignal): Promise<void> {
    try {
        await call(
            `removing container ${idOrName}`,
            (docker, s) => docker.getContainer(idOrName).remove({ force: true, v: true, abortSignal: s }),
            signal,
        );
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            return;
        }
        if (error instanceof EngineError && error.statusCode === 409) {
            await call(
                `waiting for container ${idOrName} to go`,
                (docker, s) => docker.getContainer(idOrName).wait({ condition: 'removed', abortSignal: s }),
                signal,
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
