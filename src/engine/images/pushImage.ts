import { parseImageReference, repositoryOf } from '../../core/images/imageReference';
import { type RegistryAuth, registryHostOf } from '../../core/images/registryAuth';
import type { EngineClient } from '../EngineClient';
import { EngineError } from '../EngineError';
import { followStream } from '../followStream';
import { JsonLineDecoder } from '../JsonLineDecoder';

/** One JSON line of the engine's push stream (`POST /images/{name}/push`). */
export interface PushProgress {
    readonly status?: string;
    /** The layer the line is about. */
    readonly id?: string;
    readonly progressDetail?: { readonly current?: number; readonly total?: number };
    readonly aux?: { readonly Tag?: string; readonly Digest?: string; readonly Size?: number };
    readonly error?: string;
    readonly errorDetail?: { readonly message?: string };
}

export interface PushOptions {
    /** From the Docker config's auths for the target's registry; goes to the engine in X-Registry-Auth only. */
    readonly auth?: RegistryAuth;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: PushProgress) => void;
}

export interface PushResult {
    /** `registry/repository:tag` as pushed. */
    readonly ref: string;
    /** The manifest digest the registry answered with. */
    readonly digest?: string;
}

/**
 * Tags `source` (a reference or image ID) as `target` and has the engine push it — the engine reaches the
 * registry, as `docker push` does. The tag stays afterwards, as with `docker tag`. A failure — the engine's
 * status or an error line in the stream — is one EngineError naming the reference and the registry;
 * cancelling aborts the upload.
 */
export async function pushImage(
    client: EngineClient,
    source: string,
    target: string,
    options: PushOptions = {},
): Promise<PushResult> {
    const reference = parseImageReference(target);
    if (reference.digest !== undefined) {
        throw new EngineError('config', `${target}: push to a tag, not a digest.`, client.address);
    }
    const repo = repositoryOf(reference);
    const tag = reference.tag ?? 'latest';
    const ref = `${repo}:${tag}`;
    const registry = registryHostOf(ref);
    const deps = client.buildDeps();
    const signal = options.signal ?? new AbortController().signal;
    await deps.call(
        `tagging ${source} as ${ref}`,
        (docker, abortSignal) => docker.getImage(source).tag({ repo, tag, abortSignal }),
        signal,
    );
    // The engine wants X-Registry-Auth on every push; without credentials it carries only the registry.
    const authconfig = options.auth ?? { serveraddress: registry };
    const request = new AbortController();
    const forward = (): void => request.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    try {
        const stream = await deps.call(
            `pushing ${ref}`,
            async (docker) =>
                (await docker
                    .getImage(ref)
                    .push({ tag, authconfig, abortSignal: request.signal })) as NodeJS.ReadableStream,
            signal,
        );
        let failure: string | undefined;
        let digest: string | undefined;
        const lines = new JsonLineDecoder<PushProgress>();
        const onLine = (line: PushProgress): void => {
            if (line.error !== undefined || line.errorDetail?.message !== undefined) {
                failure ??= line.errorDetail?.message ?? line.error;
                return;
            }
            digest = line.aux?.Digest ?? digest;
            options.onProgress?.(line);
        };
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => lines.push(chunk).forEach(onLine));
        stream.on('end', () => lines.end().forEach(onLine));
        await followStream(stream, signal, (error, cancelled) =>
            deps.toEngineError(error, `pushing ${ref}`, deps.requestTimeoutMs, cancelled),
        );
        if (failure !== undefined) {
            throw new EngineError(
                'api',
                `Pushing ${ref} to ${registry} failed: ${pushHint(failure, options.auth !== undefined)}`,
                client.address,
            );
        }
        return { ref, ...(digest ? { digest } : {}) };
    } finally {
        signal.removeEventListener('abort', forward);
    }
}

/** The registry's words, and what to do when it wants a login. */
function pushHint(detail: string, withAuth: boolean): string {
    if (/unauthorized|authentication required|no basic auth credentials|denied/i.test(detail)) {
        return withAuth
            ? `${detail} — the registry refused the credentials from the Docker config; log in again with docker login.`
            : `${detail} — the registry wants a login: run docker login for it (Parity uses the Docker config's credentials).`;
    }
    return detail;
}
