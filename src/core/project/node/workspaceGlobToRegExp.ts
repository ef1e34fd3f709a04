/**
 * The folder globs npm, yarn and pnpm accept in workspace lists: `*` (one segment), `**` (any depth),
 * `?`, `{a,b}` and exact paths. A leading `./` and a trailing `/` are ignored; `!` is the caller's business.
 */
export function workspaceGlobToRegExp(glob: string): RegExp {
    const pattern = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    let source = '';
    for (let index = 0; index < pattern.length; index += 1) {
        const char = pattern.charAt(index);
        if (char === '*' && pattern.charAt(index + 1) === '*') {
            index += 1;
            if (pattern.charAt(index + 1) === '/') {
                index += 1;
                source += '(?:[^/]+/)*';
            } else {
                source += '.*';
            }
        } else if (char === '*') {
            source += '[^/]*';
        } else if (char === '?') {
            source += '[^/]';
        } else if (char === '{' && pattern.indexOf('}', index) > index) {
            const close = pattern.indexOf('}', index);
            source += `(?:${pattern
                .slice(index + 1, close)
                .split(',')
                .map(escapeRegExp)
                .join('|')})`;
            index = close;
        } else {
            source += escapeRegExp(char);
        }
    }
    return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
