import { EngineError } from './EngineError';

/** Where the failing call went, so the message can name the address and why it was chosen. */
export interface CallContext {
    readonly address: string;
    readonly source: string;
    readonly operation: string;
    readonly timeoutMs: number;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE']);

/** Maps whatever dockerode, docker-modem, ssh2 or Node threw onto one EngineError with an actionable message. */
export function toEngineError(error: unknown, context: CallContext, cancelled: boolean): EngineError {
    if (error instanceof EngineError) {
        return error;
    }
    const where = `${context.address} (from ${context.source})`;
    const err = (error ?? {}) as { code?: string; statusCode?: number; json?: { message?: string } | null; message?: string; name?: string; level?: string };
    if (cancelled) {
        return new EngineError('cancelled', `Cancelled: ${context.operation} on ${context.address}.`, context.address, undefined, { cause: error });
    }
    if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.code === 'ETIMEDOUT' || err.code === 'ESOCKETTIMEDOUT') {
        return new EngineError(
            'timeout',
            `Docker at ${where} did not answer ${context.operation} within ${formatSeconds(context.timeoutMs)}. Is the engine overloaded or is something else listening there? The limit is the parity.docker.timeoutSeconds setting.`,
            context.address, undefined, { cause: error });
    }
    if (err.code === 'EACCES' || err.code === 'EPERM') {
        return new EngineError(
            'denied',
            `Permission denied talking to Docker at ${where}. Add your user to the "docker" group (then log in again), or use a rootless engine.`,
            context.address, undefined, { cause: error });
    }
    if (err.level === 'client-authentication' || /authentication methods failed/i.test(err.message ?? '')) {
        return new EngineError(
            'denied',
            `SSH login failed for Docker at ${where}. Load your key into ssh-agent (ssh-add) or check the user name in the address.`,
            context.address, undefined, { cause: error });
    }
    if (typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) {
        return unreachable(where, context.address, err.code, error);
    }
    if (typeof err.code === 'string' && /CERT|SSL|TLS/.test(err.code)) {
        return new EngineError(
            'unreachable',
            `TLS failed talking to Docker at ${where}: ${err.message ?? err.code}. Check DOCKER_CERT_PATH / the context's certificates.`,
            context.address, undefined, { cause: error });
    }
    if (typeof err.statusCode === 'number') {
        const detail = err.json?.message ?? err.message ?? 'no detail';
        return new EngineError('api', `Docker at ${context.address} refused ${context.operation}: ${detail} (HTTP ${err.statusCode}).`, context.address, err.statusCode, { cause: error });
    }
    return new EngineError('unreachable', `Docker at ${where} failed ${context.operation}: ${err.message ?? String(error)}.`, context.address, undefined, { cause: error });
}

function unreachable(where: string, address: string, code: string, cause: unknown): EngineError {
    return new EngineError(
        'unreachable',
        `Docker is not reachable at ${where} — is it running? (${code}) Start Docker Desktop or the Docker service (sudo systemctl start docker, or sudo dockerd), or point DOCKER_HOST or the parity.docker.host setting at a running engine.`,
        address, undefined, { cause });
}

function formatSeconds(ms: number): string {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
