import { EngineError } from './EngineError';

/** One JSON line of the engine's pull stream (`POST /images/create`). */
export interface PullProgress {
    readonly status?: string;
    /** The layer the line is about. */
    readonly id?: string;
    readonly progress?: string;
    readonly progressDetail?: { readonly current?: number; readonly total?: number };
    readonly error?: string;
    readonly errorDetail?: { readonly message?: string };
}

/** Where a failed pull went: the engine pulls, so the registry is reached from the engine's machine, not ours. */
export interface PullAttempt {
    readonly ref: string;
    readonly registry: string;
    readonly address: string;
    /** Credentials were sent (from the Docker config's auths). */
    readonly withAuth: boolean;
}

/**
 * What the engine said when a pull failed — an HTTP status before the stream, or an error line in it — as
 * one EngineError naming the image and the registry: 404 (no such repository or tag), 401 (the registry
 * wants a login, or refused the one sent), 502 (the engine could not reach the registry), else the
 * engine's words as they are.
 */
export function pullFailure(detail: string, attempt: PullAttempt, statusCode?: number, cause?: unknown): EngineError {
    const { ref, registry, address } = attempt;
    const options = cause === undefined ? undefined : { cause };
    if (statusCode === 404 || /manifest unknown|name unknown|not found|repository does not exist/i.test(detail)) {
        return new EngineError(
            'api',
            `No image ${ref} in registry ${registry} (the engine at ${address} asked it: ${detail}).`,
            address,
            404,
            options,
        );
    }
    if (/unauthorized|authentication required|no basic auth credentials|access.*denied|denied:|\b401\b/i.test(detail)) {
        const how = attempt.withAuth
            ? `refused the credentials saved for it in the Docker config (config.json auths); log in again with: docker login ${registry}`
            : `wants a login and the Docker config (config.json auths) holds none for it; log in with: docker login ${registry}`;
        return new EngineError(
            'api',
            `Registry ${registry} ${how} (pulling ${ref} with the engine at ${address}: ${detail}).`,
            address,
            401,
            options,
        );
    }
    if (
        /dial tcp|connection refused|no such host|i\/o timeout|network is unreachable|HTTP response to HTTPS client|handshake|x509|EOF|TLS/i.test(
            detail,
        )
    ) {
        return new EngineError(
            'api',
            `Registry ${registry} is not reachable from the engine at ${address}, which pulls ${ref}: ${detail}.`,
            address,
            502,
            options,
        );
    }
    return new EngineError(
        'api',
        `Docker at ${address} could not pull ${ref} from registry ${registry}: ${detail}${statusCode === undefined ? '' : ` (HTTP ${statusCode})`}.`,
        address,
        statusCode,
        options,
    );
}
