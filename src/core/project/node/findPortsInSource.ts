import type { Fact } from '../../snapshot/Snapshot';
import type { TextFile } from '../ProjectFiles';
import { lineAt } from '../lineAt';

interface PortPattern {
    readonly pattern: RegExp;
    readonly how: (file: string) => string;
    /** Only counts when the file also starts a server (a bare `const port = 3000` could be anything). */
    readonly needsServer?: boolean;
}

/** Spans inside braces are bounded so that minified bundles with unbalanced text cannot make a scan quadratic. */
const PORT_PATTERNS: readonly PortPattern[] = [
    // process.env.PORT || 3000 · Number(process.env.PORT) ?? 3000 · parseInt(process.env['PORT'], 10) || '3000'
    {
        pattern: /process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\])[^|?\n;]{0,24}(?:\|\||\?\?)\s*['"]?(\d{1,5})\b/dg,
        how: (file) => `process.env.PORT fallback in ${file}`,
    },
    // const { PORT = 3000 } = process.env
    {
        pattern: /\{[^{}]{0,200}?\bPORT\s*=\s*['"]?(\d{1,5})\b[^{}]{0,200}\}\s*=\s*process\.env\b/dg,
        how: (file) => `PORT default in ${file}`,
    },
    // app.listen(8080) · server.listen( '8080', …
    { pattern: /\.listen\(\s*['"]?(\d{2,5})\b/dg, how: (file) => `listen(…) in ${file}` },
    // fastify.listen({ host: '0.0.0.0', port: 3000 })
    {
        pattern: /\.listen\(\s*\{[^})]{0,300}?\bport\s*:\s*['"]?(\d{2,5})\b/dg,
        how: (file) => `listen({ port }) in ${file}`,
    },
    // Bun.serve({ port: 3000 }) · serve({ fetch: app.fetch, port: 8787 }) (@hono/node-server)
    {
        pattern: /\bserve\(\s*\{[^})]{0,300}?\bport\s*:\s*['"]?(\d{2,5})\b/dg,
        how: (file) => `serve({ port }) in ${file}`,
    },
    // const PORT = 8080; … app.listen(PORT)
    {
        pattern:
            /\b(?:const|let|var)\s+(?:PORT|port|HTTP_PORT|httpPort|serverPort|SERVER_PORT)\s*(?::\s*number\s*)?=\s*['"]?(\d{2,5})\b['"]?\s*;?\s*$/dgm,
        how: (file) => `port constant in ${file}`,
        needsServer: true,
    },
];

const STARTS_SERVER = /\.listen\(|\bserve\(|createServer\(/;

/**
 * Ports a server's source file sets, with the line of each: the fallback of `process.env.PORT`, literal
 * `listen(…)`/`listen({ port })`/`serve({ port })` arguments, and port constants of files that start a server.
 * Comments are ignored. Each port is reported once, at its first place.
 */
export function findPortsInSource(source: TextFile): Fact<number>[] {
    const text = blankComments(source.text);
    const startsServer = STARTS_SERVER.test(text);
    const found: { offset: number; fact: Fact<number> }[] = [];
    for (const { pattern, how, needsServer } of PORT_PATTERNS) {
        if (needsServer === true && !startsServer) {
            continue;
        }
        for (const match of text.matchAll(pattern)) {
            const port = Number(match[1]);
            const offset = match.indices?.[1]?.[0] ?? match.index;
            if (port >= 1 && port <= 65535) {
                found.push({
                    offset,
                    fact: { value: port, at: { file: source.path, line: lineAt(text, offset) }, how: how(source.path) },
                });
            }
        }
    }
    found.sort((a, b) => a.offset - b.offset);
    const seen = new Set<number>();
    return found.filter(({ fact }) => !seen.has(fact.value) && seen.add(fact.value)).map(({ fact }) => fact);
}

/**
 * Replaces comments with spaces, keeping line breaks so offsets keep their lines. A linear scan that steps over
 * string and template literals, so "http://…" and 'image/*' are not comments; an unclosed comment runs to the end.
 */
function blankComments(text: string): string {
    const special = /[/"'`]/g;
    let out = '';
    let index = 0;
    while (index < text.length) {
        special.lastIndex = index;
        const stop = special.exec(text)?.index ?? text.length;
        if (stop > index) {
            out += text.slice(index, stop);
            index = stop;
            continue;
        }
        const char = text.charAt(index);
        const next = text.charAt(index + 1);
        if (char === '/' && (next === '/' || next === '*')) {
            const close = next === '/' ? text.indexOf('\n', index) : text.indexOf('*/', index + 2);
            const end = close < 0 ? text.length : next === '/' ? close : close + 2;
            out += text.slice(index, end).replace(/[^\n]/g, ' ');
            index = end;
        } else if (char === '"' || char === "'" || char === '`') {
            let end = index + 1;
            while (end < text.length && text.charAt(end) !== char && !(char !== '`' && text.charAt(end) === '\n')) {
                end += text.charAt(end) === '\\' ? 2 : 1;
            }
            out += text.slice(index, end + 1);
            index = end + 1;
        } else {
            out += char;
            index += 1;
        }
    }
    return out;
}
