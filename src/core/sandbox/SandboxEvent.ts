/** How a pids-limit hit was noticed: the cgroup's own counter of refused forks, or the engine's stats. */
/** How the process limit was seen: the kernel's counter, a sample of the engine's stats, or the app's own output. */
export type PidsEvidence = 'cgroup pids.events' | 'engine stats' | 'app output';

/** How a sandbox ended, in words for a person and in facts for a program. */
export interface SandboxExit {
    /** Plain words: "exceeded the 512 MiB memory limit", "hit the limit of 256 processes", "exited with code 1" … */
    readonly reason: string;
    /** The main process's exit code; null when the engine could not tell. */
    readonly code: number | null;
    /** The kernel killed a process for using more memory than the limit (`State.OOMKilled`). */
    readonly oomKilled: boolean;
    /** A fork was refused because the process limit was reached; Parity then stopped the sandbox. */
    readonly pidsLimitHit: boolean;
    /** How the pids-limit hit was seen, when it was. */
    readonly pidsEvidence?: PidsEvidence;
    /** Stopped because someone asked (stop, Ctrl-C, cancel), not by itself. */
    readonly stopped: boolean;
    /** The last lines the app printed (stdout and stderr as they came), oldest first. */
    readonly lastLines: readonly string[];
}

/** What happens in a sandbox, in order, for a terminal or a log to render. */
export type SandboxEvent =
    | {
          readonly type: 'created';
          readonly id: string;
          readonly name: string;
          readonly image: string;
          readonly summary: readonly string[];
      }
    /** The app's port is published on `url` (not necessarily answering yet); null without a port or network. */
    | { readonly type: 'started'; readonly id: string; readonly url: string | null }
    | { readonly type: 'log'; readonly stream: 'stdout' | 'stderr'; readonly line: string }
    | {
          readonly type: 'ready';
          readonly url: string;
          readonly path: string;
          readonly status: number;
          readonly ms: number;
      }
    | {
          readonly type: 'limit-hit';
          readonly limit: 'pids';
          readonly current: number;
          readonly max: number;
          readonly evidence: PidsEvidence;
      }
    | { readonly type: 'stopping'; readonly why: 'requested' | 'cancelled' | 'pids-limit' }
    | ({ readonly type: 'exited' } & SandboxExit)
    | { readonly type: 'removed'; readonly id: string; readonly name: string }
    | { readonly type: 'warning'; readonly message: string };

export type SandboxEventListener = (event: SandboxEvent) => void;
