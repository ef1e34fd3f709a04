/**
 * A pattern over fact keys (`SSH_*`, `settings.*`) where `*` matches any run of characters and everything
 * else is literal — the one rule for ignores, severity keys and by-design notes.
 */
export function keyPattern(glob: string): RegExp {
    return new RegExp(
        `^${glob
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
    );
}
