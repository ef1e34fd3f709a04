import { dockerodeProto } from './dockerodeProto';
import { loadProtobuf } from './loadProtobuf';

/** The few protobuf messages a BuildKit session exchanges with the engine, encoded by protobufjs. */
export interface SessionMessages {
    /** The secret id of a `GetSecretRequest`. */
    secretId(request: Buffer): string;
    /** A `GetSecretResponse` carrying the secret. */
    secret(data: Buffer): Buffer;
    /** The registry host of a `CredentialsRequest`. */
    credentialsHost(request: Buffer): string;
    /** A `CredentialsResponse` without credentials: pulls go anonymous. */
    noCredentials(): Buffer;
    /** A `HealthCheckResponse` saying SERVING. */
    serving(): Buffer;
}

// From BuildKit's session/secrets/secrets.proto and grpc's health/v1/health.proto; dockerode ships only
// the registry-auth one (lib/proto/auth.proto), which is read from there.
const SESSION_PROTO = `
syntax = "proto3";
package moby.buildkit.secrets.v1;
message GetSecretRequest { string ID = 1; map<string, string> annotations = 2; }
message GetSecretResponse { bytes data = 1; }
`;
const HEALTH_PROTO = `
syntax = "proto3";
package grpc.health.v1;
message HealthCheckResponse {
    enum ServingStatus { UNKNOWN = 0; SERVING = 1; NOT_SERVING = 2; SERVICE_UNKNOWN = 3; }
    ServingStatus status = 1;
}
`;

/** Loaded with gRPC when a BuildKit build opens a session, never at start-up. */
export async function loadSessionMessages(): Promise<SessionMessages> {
    const protobuf = await loadProtobuf();
    const root = protobuf.loadSync(dockerodeProto('auth.proto'));
    protobuf.parse(SESSION_PROTO, root);
    protobuf.parse(HEALTH_PROTO, root);
    const type = (name: string): import('protobufjs').Type => root.lookupType(name);
    const secretRequest = type('moby.buildkit.secrets.v1.GetSecretRequest');
    const secretResponse = type('moby.buildkit.secrets.v1.GetSecretResponse');
    const credentialsRequest = type('moby.filesync.v1.CredentialsRequest');
    const credentialsResponse = type('moby.filesync.v1.CredentialsResponse');
    const health = type('grpc.health.v1.HealthCheckResponse');
    const field = (message: import('protobufjs').Message, name: string): string => {
        const value = (message as unknown as Record<string, unknown>)[name];
        return typeof value === 'string' ? value : '';
    };
    const encode = (message: import('protobufjs').Type, value: object): Buffer =>
        Buffer.from(message.encode(message.create(value)).finish());
    return {
        secretId: (request) => field(secretRequest.decode(request), 'ID'),
        secret: (data) => encode(secretResponse, { data }),
        credentialsHost: (request) => field(credentialsRequest.decode(request), 'Host'),
        noCredentials: () => encode(credentialsResponse, {}),
        serving: () => encode(health, { status: 1 }),
    };
}
