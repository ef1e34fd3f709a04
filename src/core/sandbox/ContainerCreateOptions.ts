/**
 * The body of `POST /containers/create` (Engine API 1.41) as Parity's sandbox sets it: every field that
 * matters for isolation is written out, even when it repeats the engine's default, so the request says
 * what the sandbox is without depending on the engine's configuration. The container's name is not part
 * of the body (it is a query parameter) and travels next to it.
 */
export interface ContainerCreateOptions {
    readonly Image: string;
    /** `uid:gid` or a user name from the image; never root. */
    readonly User: string;
    /** Replaces the image's CMD (its ENTRYPOINT stays); absent: the image's own. */
    readonly Cmd?: readonly string[];
    /** `NAME=value` entries on top of the image's own environment. */
    readonly Env: readonly string[];
    readonly Labels: Readonly<Record<string, string>>;
    /** `"3000/tcp": {}` for the app's port; empty without one. */
    readonly ExposedPorts: Readonly<Record<string, Readonly<Record<string, never>>>>;
    readonly AttachStdin: false;
    readonly AttachStdout: true;
    readonly AttachStderr: true;
    readonly OpenStdin: false;
    readonly Tty: false;
    readonly HostConfig: SandboxHostConfig;
}

export interface PortBinding {
    readonly HostIp: string;
    /** Empty: the engine picks a free port. */
    readonly HostPort: string;
}

export interface Ulimit {
    readonly Name: string;
    readonly Soft: number;
    readonly Hard: number;
}

export interface SandboxHostConfig {
    readonly NetworkMode: 'bridge' | 'none';
    readonly PortBindings: Readonly<Record<string, readonly PortBinding[]>>;
    readonly PublishAllPorts: false;
    /** Always empty: no host folder, volume or socket ever reaches a sandbox. */
    readonly Binds: readonly [];
    readonly Mounts: readonly [];
    readonly VolumesFrom: readonly [];
    readonly Devices: readonly [];
    /** Mount point → tmpfs options (`rw,noexec,nosuid,nodev,size=…`). */
    readonly Tmpfs: Readonly<Record<string, string>>;
    readonly ReadonlyRootfs: true;
    readonly Privileged: false;
    readonly CapDrop: readonly ['ALL'];
    readonly CapAdd: readonly [];
    readonly SecurityOpt: readonly ['no-new-privileges'];
    readonly IpcMode: 'private';
    readonly PidMode: '';
    readonly CgroupnsMode: 'private';
    /** Bytes. */
    readonly Memory: number;
    /** Equal to Memory: no swap on top. */
    readonly MemorySwap: number;
    /** CPUs × 10⁹. */
    readonly NanoCpus: number;
    readonly PidsLimit: number;
    readonly Ulimits: readonly Ulimit[];
    /** False so the exit (code, OOM) can still be read; the runner removes the container itself. */
    readonly AutoRemove: false;
    readonly RestartPolicy: { readonly Name: 'no' };
    /** Bounded logs, so a chatty app cannot fill the engine's disk. */
    readonly LogConfig: { readonly Type: 'json-file'; readonly Config: Readonly<Record<string, string>> };
}
