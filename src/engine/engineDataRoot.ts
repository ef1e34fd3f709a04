import type { EngineCall } from './ContainerFiles';

/**
 * Where the engine keeps images, containers and build cache (`DockerRootDir` of `GET /info`), to name in a
 * "disk full" message; undefined when the engine does not say or cannot be asked (the message still stands).
 */
export async function engineDataRoot(call: EngineCall): Promise<string | undefined> {
    try {
        const info = (await call('the info query', (docker, abortSignal) => docker.info({ abortSignal }))) as {
            DockerRootDir?: unknown;
        };
        return typeof info.DockerRootDir === 'string' && info.DockerRootDir !== '' ? info.DockerRootDir : undefined;
    } catch {
        return undefined;
    }
}
