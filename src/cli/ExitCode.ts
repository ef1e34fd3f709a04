/** The CLI's exit codes, the same for every command so CI scripts can branch on them. */
export enum ExitCode {
    Ok = 0,
    /** The command ran and found a failure (a failed build, findings above the threshold). */
    Failed = 1,
    /** The command could not run: bad arguments, no engine, unreadable input. */
    CouldNotRun = 2,
}
