/** Polls `condition` every 100 ms; resolves with how long it took, or fails naming `what`. */
export async function waitFor(
    what: string,
    condition: () => boolean | Promise<boolean>,
    timeoutMs: number,
): Promise<number> {
    const started = Date.now();
    while (!(await condition())) {
        if (Date.now() - started > timeoutMs) {
            throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Date.now() - started;
}
