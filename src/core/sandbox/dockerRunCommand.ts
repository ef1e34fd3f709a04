/** What `docker inspect` says of a sandbox, as far as the command needs it (Engine API 1.41 field names). */
export interface DockerRunSource {
    /** The reference to run: the sandbox's `parity.image` label, else Config.Image. */
    readonly image: string;
    readonly config: {
        readonly User?: string | null;
        readonly Env?: readonly string[] | null;
        readonly Cmd?: readonly string[] | null;
    };
    readonly hostConfig: {
        readonly NetworkMode?: string | null;
        readonly PortBindings?: Readonly<
            Record<string, readonly { readonly HostIp?: string; readonly HostPort?: string }[] | null>
        > | null;
        readonly Tmpfs?: Readonly<Record<string, string>> | null;
        readonly ReadonlyRootfs?: boolean | null;
        readonly CapDrop?: readonly string[] | null;
        readonly CapAdd?: readonly string[] | null;
        readonly SecurityOpt?: readonly string[] | null;
        readonly IpcMode?: string | null;
        readonly CgroupnsMode?: string | null;
        readonly Memory?: number | null;
        readonly MemorySwap?: number | null;
        readonly NanoCpus?: number | null;
        readonly PidsLimit?: number | null;
        readonly Ulimits?: readonly { readonly Name: string; readonly Soft: number; readonly Hard: number }[] | null;
    };
    /** The image's own Env and Cmd: what the container inherited from it is not repeated. */
    readonly imageConfig?: { readonly Env?: readonly string[] | null; readonly Cmd?: readonly string[] | null } | null;
}

export interface DockerRunCommand {
    /** The words after `docker`, unquoted. */
    readonly argv: readonly string[];
    /** Variables passed by name only: their values come from the shell that runs the command. */
    readonly envNames: readonly string[];
    /** The command for a terminal: quoted, one flag group per line, with a comment naming the variables to set. */
    readonly text: string;
}

/**
 * The plain `docker run` that starts the same container as a Parity sandbox — every hardening flag Parity set
 * (read-only root, dropped capabilities, no-new-privileges, user, memory without swap, CPUs, process limit,
 * ulimits, tmpfs paths, the loopback-only port, the network), so a user can leave Parity without losing what it
 * did. Environment variables appear by name only (`--env NAME`): values never leave the sandbox this way.
 */
export function dockerRunCommand(source: DockerRunSource): DockerRunCommand {
    const host = source.hostConfig;
    const groups: string[][] = [['run', '--rm']];
    const add = (...words: string[]): void => {
        groups.push(words);
    };
    if (source.config.User) {
        add('--user', source.config.User);
    }
    if (host.ReadonlyRootfs) {
        add('--read-only');
    }
    for (const cap of host.CapDrop ?? []) {
        add('--cap-drop', cap);
    }
    for (const cap of host.CapAdd ?? []) {
        add('--cap-add', cap);
    }
    for (const option of host.SecurityOpt ?? []) {
        add('--security-opt', option);
    }
    if (host.Memory) {
        add('--memory', `${host.Memory}b`);
        if (host.MemorySwap) {
            add('--memory-swap', `${host.MemorySwap}b`);
        }
    }
    if (host.NanoCpus) {
        add('--cpus', String(host.NanoCpus / 1e9));
    }
    if (host.PidsLimit !== undefined && host.PidsLimit !== null && host.PidsLimit > 0) {
        add('--pids-limit', String(host.PidsLimit));
    }
    for (const limit of host.Ulimits ?? []) {
        add('--ulimit', `${limit.Name}=${limit.Soft}:${limit.Hard}`);
    }
    for (const [path, options] of Object.entries(host.Tmpfs ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
        add('--tmpfs', options ? `${path}:${options}` : path);
    }
    if (host.IpcMode === 'private') {
        add('--ipc', 'private');
    }
    if (host.CgroupnsMode === 'private') {
        add('--cgroupns', 'private');
    }
    if (host.NetworkMode && host.NetworkMode !== 'default') {
        add('--network', host.NetworkMode);
    }
    for (const [port, bindings] of Object.entries(host.PortBindings ?? {})) {
        for (const binding of bindings ?? []) {
            // An empty host port lets the engine pick one, as it did for the sandbox.
            add(
                '--publish',
                `${binding.HostIp ? `${binding.HostIp}:` : ''}${binding.HostPort ?? ''}${binding.HostIp || binding.HostPort ? ':' : ''}${port}`,
            );
        }
    }
    const inherited = new Set(source.imageConfig?.Env ?? []);
    const envNames = [
        ...new Set(
            (source.config.Env ?? [])
                .filter((entry) => !inherited.has(entry))
                .map((entry) => entry.split('=', 1)[0] ?? '')
                .filter(Boolean),
        ),
    ];
    for (const name of envNames) {
        add('--env', name);
    }
    const cmd = source.config.Cmd ?? [];
    const ownCmd = cmd.length > 0 && JSON.stringify(cmd) !== JSON.stringify(source.imageConfig?.Cmd ?? []);
    add(source.image, ...(ownCmd ? cmd : []));

    const argv = groups.flat();
    const lines = groups.map((words) => words.map(shellWord).join(' '));
    const note =
        envNames.length === 0
            ? []
            : [
                  `# ${envNames.join(', ')}: values come from your shell — export ${envNames.length === 1 ? 'it' : 'them'} first, or replace the --env flags with --env-file .env`,
              ];
    return { argv, envNames, text: [...note, `docker ${lines.join(' \\\n  ')}`].join('\n') };
}

/**
 * A word as POSIX sh reads it back, readable where it can be: left bare when it holds only characters sh
 * takes literally (so `/tmp:rw,size=…` stays as typed), else in single quotes (as Python's shlex.quote does).
 */
function shellWord(word: string): string {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
