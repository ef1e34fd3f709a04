import type { Logger } from '../core/Logger';

export interface CliOptions {
    readonly host?: string;
    /** The Docker CLI's TLS flags for a tcp:// engine: encrypt (--tls), verify (--tlsverify), the files. */
    readonly tls?: boolean;
    readonly tlsVerify?: boolean;
    readonly tlsCaCert?: string;
    readonly tlsCert?: string;
    readonly tlsKey?: string;
    /** snapshot/diff: keep images pulled only to probe a registry: target. */
    readonly keepPulled?: boolean;
    readonly json: boolean;
    readonly verbose: boolean;
    readonly format?: string;
    readonly out?: string;
    readonly target?: string;
    /** run: the target to run like (a DiffTarget, raw text), and whether a variable without a value may stay unset. */
    readonly like?: string;
    readonly allowMissingEnv?: boolean;
    /** run --like: the variables whose values may come from parity's own environment (only these: a snapshot file is not trusted to choose). */
    readonly passEnv?: readonly string[];
    /** diff: the sides as DiffTargets (host:PATH, image:REF, container:NAME, file:PATH) and the exit threshold. Raw text. */
    readonly from?: string;
    readonly to?: string;
    readonly via?: string;
    readonly failOn?: string;
    /** diff: `HOSTNAME=ENGINE` per swarm node whose tasks its manager cannot exec into. Raw text. */
    readonly nodeEngines?: readonly string[];
    readonly tag?: string;
    readonly force: boolean;
    /** run: the app's port, limits, network, mode; stop: --all. Raw text, checked by the command. */
    readonly port?: string;
    readonly memory?: string;
    readonly cpus?: string;
    readonly pids?: string;
    readonly network?: string;
    readonly smoke?: string;
    readonly detach?: boolean;
    readonly all?: boolean;
    /** prune: remove what it lists. */
    readonly yes?: boolean;
}

/** Everything a CLI command needs, passed in so commands stay testable without a process. */
export interface CliContext {
    readonly args: readonly string[];
    readonly options: CliOptions;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly log: Logger;
    readonly timeoutMs: number;
    readonly signal: AbortSignal;
    readonly stdout: (text: string) => void;
    /** Progress lines for a person (build steps); machine-readable output stays on stdout. */
    readonly stderr: (text: string) => void;
    /** Parity's version, recorded in what it writes. */
    readonly version: string;
}
