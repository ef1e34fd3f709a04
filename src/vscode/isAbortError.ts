/** A cancellation by the user (an aborted signal), which ends a command quietly rather than as a failure. */
export function isAbortError(error: unknown): boolean {
    return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}
