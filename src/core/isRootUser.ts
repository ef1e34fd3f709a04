/**
 * Whether a user is root (uid 0), decided by number — the one check for image USERs, `user:group` specs and
 * snapshot uids. The engine reads the user part of USER with Go's strconv.Atoi, so `0`, `00`, `000:1000`,
 * `+0` and `-0` are all uid 0; `root` and an empty user (the engine's default) are root as well. Spaces
 * around the user are ignored: a spec that only differs from root by them is treated as root, never as
 * someone else.
 */
export function isRootUser(user: string | number): boolean {
    if (typeof user === 'number') {
        return user === 0;
    }
    const name = (user.split(':')[0] ?? '').trim();
    return name === '' || name === 'root' || numericId(name) === 0;
}

/** A numeric user or group id as the engine reads one (an optional sign, decimal digits), or null for a name. */
export function numericId(text: string): number | null {
    const trimmed = text.trim();
    return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : null;
}
