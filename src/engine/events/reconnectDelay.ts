/**
 * How long to wait before the n-th attempt (0-based) to reopen the event stream: 250 ms doubling up to
 * 8 s, so a restarted local engine is picked up within seconds and an absent one costs one cheap
 * connection attempt every few seconds. `random` (0..1) spreads windows that reconnect at once.
 */
export function reconnectDelay(attempt: number, random = 0.5): number {
    const base = Math.min(8000, 250 * 2 ** Math.max(0, attempt));
    return Math.round(base * (0.8 + 0.4 * random));
}
