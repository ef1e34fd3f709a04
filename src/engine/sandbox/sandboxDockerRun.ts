import { type DockerRunCommand, dockerRunCommand, type DockerRunSource } from '../../core/sandbox/dockerRunCommand';
import { IMAGE_LABEL } from '../../core/sandbox/sandboxLabels';
import type { EngineClient } from '../EngineClient';

/**
 * The plain `docker run` for a sandbox (or any container), read from what the engine says of it — so it holds
 * for a sandbox another window or `parity run` started, with the limits a target gave it. The image's own
 * Env and Cmd are looked up so the command does not repeat them.
 */
export async function sandboxDockerRun(
    client: EngineClient,
    nameOrId: string,
    signal?: AbortSignal,
): Promise<DockerRunCommand> {
    const details = (await client.inspectContainer(nameOrId, signal)) as unknown as {
        Image: string;
        Config: DockerRunSource['config'] & { Image?: string; Labels?: Readonly<Record<string, string>> | null };
        HostConfig?: DockerRunSource['hostConfig'] | null;
    };
    const image = await client.inspectImage(details.Image, signal).then(
        (found) => found.Config ?? null,
        () => null,
    );
    return dockerRunCommand({
        image: details.Config.Labels?.[IMAGE_LABEL] ?? details.Config.Image ?? details.Image,
        config: details.Config,
        hostConfig: details.HostConfig ?? {},
        imageConfig: image,
    });
}
