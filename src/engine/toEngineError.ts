import { diskFullMessage, mentionsDiskFull } from '../core/build/diskFull';
import { describeTlsFailure } from './connection/describeTlsFailure';
import type { HostKeyProblem } from './connection/HostKeyProblem';
import type { SshFiles } from './connection/sshOptions';
import type { TlsFiles } from './connection/tlsFiles';
import { EngineError } from './EngineError';

/** Where the failing call went, so the message can name the address and why it was chosen. */
export interface CallContext {
    readonly address: string;
    readonly source: string;
    readonly operation: string;
    readonly timeoutMs: number;
    /** The certificate files of a TLS connection, named in TLS failures. */
    readonly tls?: TlsFiles;
    /** The key and known_hosts files of an ssh connection, named in ssh failures. */
    readonly ssh?: SshFiles;
    /** The engine's data root, named when its disk is full (see EngineClient: it asks the engine then). */
    readonly dataRoot?: string;
    /** The host key the ssh connection refused, if it refused one (ssh2 itself only says "Host denied"). */
    readonly rejectedHostKey?: () => HostKeyProblem | undefined;
}

const UNREACHABLE_CODES = new Set([
    'ECONNREFUSED',
    'ENOENT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNRESET',
    'EPIPE',
]);

/** Maps whatever dockerode, docker-modem, ssh2 or Node threw onto one EngineError with an actionable message. */
export function toEngineError(error: unknown, context: CallContext, cancelled: boolean): EngineError {
    if (error instanceof EngineError) {
        return error;
    }
    const where = `${context.address} (from ${context.source})`;
    const err = (error ?? {}) as {
        code?: string;
        statusCode?: number;
        json?: { message?: string } | null;
        message?: string;
        name?: string;
        level?: string;
    };
    if (cancelled) {
        return new EngineError(
            'cancelled',
            `Cancelled: ${context.operation} on ${context.address}.`,
            context.address,
            undefined,
            { cause: error },
        );
    }
    const hostKey = /Host denied/i.test(err.message ?? '') ? context.rejectedHostKey?.() : undefined;
    if (hostKey) {
        return new EngineError('host-key', hostKeyMessage(hostKey, where), context.address, undefined, {
            cause: error,
            hostKey,
        });
    }
    if (
        err.name === 'AbortError' ||
        err.name === 'TimeoutError' ||
        err.code === 'ETIMEDOUT' ||
        err.code === 'ESOCKETTIMEDOUT'
    ) {
        return new EngineError(
            'timeout',
            `Docker at ${where} did not answer ${context.operation} within ${formatSeconds(context.timeoutMs)}. Is the engine overloaded or is something else listening there? The limit is the parity.docker.timeoutSeconds setting.`,
            context.address,
            undefined,
            { cause: error },
        );
    }
    if (err.code === 'EACCES' || err.code === 'EPERM') {
        return new EngineError(
            'denied',
            `Permission denied talking to Docker at ${where}. Add your user to the "docker" group (then log in again), or use a rootless engine.`,
            context.address,
            undefined,
            { cause: error },
        );
    }
    if (err.level === 'client-authentication' || /authentication methods failed/i.test(err.message ?? '')) {
        const key = context.ssh?.identityFile
            ? `the key ${context.ssh.identityFile}`
            : 'no key file (none given, no ~/.ssh/id_ed25519, id_ecdsa or id_rsa)';
        return new EngineError(
            'denied',
            `SSH login failed for Docker at ${where}: the server accepted neither ${key} nor a key from ssh-agent. Check the user name in the address and that the key is in that user's authorized_keys; name another key with PARITY_SSH_IDENTITY_FILE, or load one with ssh-add.`,
            context.address,
            undefined,
            { cause: error },
        );
    }
    const tls = context.tls ? describeTlsFailure(err, where, context.tls) : undefined;
    if (tls) {
        return new EngineError('tls', tls, context.address, undefined, { cause: error });
    }
    if (typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) {
        return unreachable(where, context.address, err.code, error);
    }
    if (typeof err.code === 'string' && /CERT|SSL|TLS/.test(err.code)) {
        return new EngineError(
            'tls',
            describeTlsFailure(err, where, undefined) ??
                `TLS failed talking to Docker at ${where}: ${err.message ?? err.code}.`,
            context.address,
            undefined,
            { cause: error },
        );
    }
    if (
        err.statusCode === 400 &&
        /HTTP request to an HTTPS server/i.test(`${err.json?.message ?? ''} ${err.message ?? ''}`)
    ) {
        return new EngineError(
            'tls',
            `The Docker engine at ${where} only speaks TLS. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (the folder with ca.pem, cert.pem and key.pem), or use a Docker context that has them.`,
            context.address,
            400,
            { cause: error },
        );
    }
    if (typeof err.statusCode === 'number') {
        const detail = err.json?.message ?? err.message ?? 'no detail';
        if (mentionsDiskFull([detail])) {
            return new EngineError(
                'api',
                diskFullMessage(context.address, `while ${context.operation}`, context.dataRoot),
                context.address,
                err.statusCode,
                { cause: error },
            );
        }
        return new EngineError(
            'api',
            `Docker at ${context.address} refused ${context.operation}: ${detail} (HTTP ${err.statusCode}).`,
            context.address,
            err.statusCode,
            { cause: error },
        );
    }
    return new EngineError(
        'unreachable',
        `Docker at ${where} failed ${context.operation}: ${err.message ?? String(error)}.`,
        context.address,
        undefined,
        { cause: error },
    );
}

function unreachable(where: string, address: string, code: string, cause: unknown): EngineError {
    // A local engine gets "start Docker"; a remote one (ssh, or tcp to another machine) gets "check the address".
    if (
        address.startsWith('ssh://') ||
        (address.startsWith('tcp://') && !/^tcp:\/\/(127\.|localhost:|\[::1\]:)/.test(address))
    ) {
        const through = address.startsWith('ssh://') ? 'its ssh server' : 'the engine';
        return new EngineError(
            'unreachable',
            `Docker is not reachable at ${where} — is it running? (${code}) Nothing answered there: check the address, and that ${through} runs and can be reached from this machine.`,
            address,
            undefined,
            { cause },
        );
    }
    return new EngineError(
        'unreachable',
        `Docker is not reachable at ${where} — is it running? (${code}) Start Docker Desktop or the Docker service (sudo systemctl start docker, or sudo dockerd), or point DOCKER_HOST or the parity.docker.host setting at a running engine.`,
        address,
        undefined,
        { cause },
    );
}

function hostKeyMessage(problem: HostKeyProblem, where: string): string {
    const shown = `${problem.keyType} key ${problem.fingerprint}`;
    switch (problem.verdict) {
        case 'unknown':
            return `The ssh host key of Docker at ${where} is not known (${shown}; not in ${problem.knownHostsFile}). If that is the right fingerprint, trust it with: ssh-keyscan -p ${problem.port} ${problem.host} >> ${problem.knownHostsFile} — or set PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY=1 to accept it for this run.`;
        case 'changed':
            return `The ssh host key of Docker at ${where} has CHANGED (it now shows ${shown}, ${problem.knownHostsFile} lists another). Someone may be intercepting the connection; if the host was reinstalled, remove its old line (ssh-keygen -R '${problem.knownHostsLine.split(' ')[0] ?? problem.host}') and trust the new key.`;
        case 'revoked':
            return `The ssh host key of Docker at ${where} is marked @revoked (${shown}). Parity will not connect to it.`;
    }
}

function formatSeconds(ms: number): string {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
