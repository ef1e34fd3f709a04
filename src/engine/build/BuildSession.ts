import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { Logger } from '../../core/Logger';
import type { Dockerode } from '../Dockerode';
import { loadSessionMessages } from './sessionMessages';

/** The gRPC methods a Parity session serves, advertised to the engine one header each. */
const GET_SECRET = '/moby.buildkit.secrets.v1.Secrets/GetSecret';
const CREDENTIALS = '/moby.filesync.v1.Auth/Credentials';
const HEALTH_CHECK = '/grpc.health.v1.Health/Check';
export const SESSION_METHODS = [GET_SECRET, CREDENTIALS, HEALTH_CHECK] as const;

/**
 * A BuildKit session: the engine calls back into it during a `/build?version=2&session=<id>` for build
 * secrets and registry credentials. It lives on a hijacked `POST /session` connection on which the
 * engine is the HTTP/2 client and we are the gRPC server.
 */
export interface BuildSession {
    readonly id: string;
    /** Settles when the engine drops the connection (or after close()). */
    readonly ended: Promise<void>;
    /** When the engine last checked the session's health (it does every second or few): proof it is alive. */
    lastHealthCheckAt(): number | undefined;
    close(): void;
}

/**
 * Opens a session that serves `secrets` by id (unknown ids answer NOT_FOUND, which fails a
 * `required=true` mount loudly), answers every registry-credentials question with "none" (so pulls are
 * anonymous instead of failing), and reports healthy to the engine's periodic health checks — the
 * engine of Docker 20.10 drops a session whose health check fails.
 */
export async function openBuildSession(
    docker: Dockerode,
    secrets: ReadonlyMap<string, Buffer>,
    signal: AbortSignal,
    log: Logger,
): Promise<BuildSession> {
    // The CLI's ES module bundles see dist/grpc.js as CommonJS: its exports arrive as the default export there.
    const loaded: typeof import('@grpc/grpc-js') & { default?: typeof import('@grpc/grpc-js') } = await import(
        '@grpc/grpc-js'
    );
    const grpc = loaded.default ?? loaded;
    const messages = await loadSessionMessages();
    const id = randomUUID();
    const socket = await new Promise<Duplex>((resolve, reject) => {
        docker.modem.dial(
            {
                path: '/session',
                method: 'POST',
                hijack: true,
                headers: {
                    Upgrade: 'h2c',
                    Connection: 'Upgrade',
                    'X-Docker-Expose-Session-Uuid': id,
                    'X-Docker-Expose-Session-Name': 'parity',
                    'X-Docker-Expose-Session-Grpc-Method': SESSION_METHODS,
                },
                abortSignal: signal,
                // Success is the 101 upgrade (docker-modem hands over the socket); any other answer is an error.
                statusCodes: { 400: 'bad request', 404: 'sessions not supported', 500: 'server error' },
            },
            (error, result) => (error ? reject(error) : resolve(result as Duplex)),
        );
    });

    const server = new grpc.Server();
    const bytes = (value: Buffer): Buffer => value;
    const method = (path: string): ServiceDefinition[string] => ({
        path,
        requestStream: false,
        responseStream: false,
        requestSerialize: bytes,
        requestDeserialize: bytes,
        responseSerialize: bytes,
        responseDeserialize: bytes,
    });
    type Unary = (
        call: { request: Buffer },
        callback: (error: { code: number; details: string } | null, response?: Buffer) => void,
    ) => void;
    const getSecret: Unary = ({ request }, callback) => {
        const secretId = messages.secretId(request);
        const value = secrets.get(secretId);
        log.debug(`build session ${id}: the engine asked for secret "${secretId}" — ${value ? 'served' : 'not found'}`);
        if (value === undefined) {
            callback({ code: grpc.status.NOT_FOUND, details: `secret ${secretId} not found` });
            return;
        }
        callback(null, messages.secret(value));
    };
    const credentials: Unary = ({ request }, callback) => {
        const host = messages.credentialsHost(request);
        log.debug(`build session ${id}: no registry credentials for ${host || 'a registry'}`);
        callback(null, messages.noCredentials());
    };
    let lastHealthCheck: number | undefined;
    const healthy: Unary = (_call, callback) => {
        lastHealthCheck = Date.now();
        callback(null, messages.serving());
    };
    server.addService({ GetSecret: method(GET_SECRET) }, { GetSecret: getSecret });
    server.addService({ Credentials: method(CREDENTIALS) }, { Credentials: credentials });
    server.addService({ Check: method(HEALTH_CHECK) }, { Check: healthy });
    const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
    injector.injectConnection(socket);

    let closed = false;
    const ended = new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
    });
    return {
        id,
        ended,
        lastHealthCheckAt: () => lastHealthCheck,
        close: () => {
            if (closed) {
                return;
            }
            closed = true;
            injector.destroy();
            server.forceShutdown();
            socket.destroy();
        },
    };
}
