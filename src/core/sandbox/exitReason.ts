import { formatMiB } from './parseSize';

export interface ExitFacts {
    readonly code: number | null;
    readonly oomKilled: boolean;
    readonly pidsLimitHit: boolean;
    readonly stopped: boolean;
    readonly memoryBytes: number;
    readonly pids: number;
}

const SIGNALS: Readonly<Record<number, string>> = {
    1: 'SIGHUP',
    2: 'SIGINT',
    6: 'SIGABRT',
    9: 'SIGKILL',
    11: 'SIGSEGV',
    15: 'SIGTERM',
};

/**
 * Why a sandbox ended, in plain words. A limit beats the exit code (an OOM kill shows as 137, a refused
 * fork as whatever the app made of it), and a stop someone asked for is not a failure.
 */
export function exitReason(facts: ExitFacts): string {
    if (facts.oomKilled) {
        return `exceeded the ${formatMiB(facts.memoryBytes)} memory limit (killed for lack of memory)`;
    }
    if (facts.pidsLimitHit) {
        return `hit the limit of ${facts.pids} processes (a fork was refused; Parity stopped it)`;
    }
    if (facts.stopped) {
        return 'stopped';
    }
    if (facts.code === null) {
        return 'ended; the engine could not tell the exit code';
    }
    const signal = facts.code > 128 ? SIGNALS[facts.code - 128] : undefined;
    return `exited with code ${facts.code}${signal ? ` (killed by ${signal})` : ''}`;
}

/** Whether an exit counts as a failure for a caller that has to choose an exit code. */
export function exitFailed(exit: {
    readonly code: number | null;
    readonly oomKilled: boolean;
    readonly pidsLimitHit: boolean;
    readonly stopped: boolean;
}): boolean {
    return exit.oomKilled || exit.pidsLimitHit || (!exit.stopped && exit.code !== 0);
}
