import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { TextFile } from '../ProjectFiles';

/** Calls that take a listen address: net/http, gin's Run, echo's Start, fiber's Listen, net.Listen. */
// Quantifiers are bounded so that generated sources (huge literals, long identifiers) cannot make a match slow.
const LISTEN_CALL =
    /\b((?:http\.)?ListenAndServe(?:TLS)?|\.Run|\.Start(?:TLS)?|\.Listen(?:TLS)?|net\.Listen)\([ \t]*(?:"tcp[46]?"[ \t]*,[ \t]*)?"([^"\n]{0,100}):(\d{1,5})"/g;
const SERVER_ADDR = /\bAddr[ \t]*:[ \t]*"([^"\n]{0,100}):(\d{1,5})"/g;
const ADDRESS_LITERAL = /\b(\w{0,30}(?:addr|address|port|listen)\w{0,30})[ \t]*:?=[ \t]*"([^"\n]{0,100}):(\d{2,5})"/gi;
const FLAG_DEFAULT =
    /\bflag\.(?:String|StringVar)\((?:[^,\n]{1,80},[ \t]*)?"(\w{0,30}(?:addr|port|listen|http)\w{0,30})"[ \t]*,[ \t]*"([^"\n]{0,100}):(\d{2,5})"/gi;
const FLAG_INT = /\bflag\.(?:Int|IntVar)\((?:[^,\n]{1,80},[ \t]*)?"(\w{0,30}port\w{0,30})"[ \t]*,[ \t]*(\d{2,5})\b/gi;
/** Addresses of services the app connects to, not ones it listens on. */
const BACKING_SERVICE =
    /db|redis|postgres|pg|mysql|mongo|cache|nats|kafka|amqp|rabbit|smtp|mail|metric|upstream|backend|remote|target|proxy/i;
const PORT_ENV = /os\.(?:Getenv|LookupEnv)\(\s*"PORT"\s*\)/g;
const GIN_BARE_RUN = /\.Run\(\s*\)/g;
/** A helper that reads a variable with a fallback: getEnv("PORT", "4000"), envOr("PORT", ":8080"), GetEnvDefault(…). */
const ENV_HELPER = /\b(\w{0,30}(?:env|Env|ENV)\w{0,30})\([ \t]*"PORT"[ \t]*,[ \t]*"(?:[^"\s:]{0,100}:)?(\d{2,5})"/g;
const MAX_PORTS = 10;

/** The ports Go sources listen on, each with its line and how it was read. */
export function findGoPorts(sources: readonly TextFile[], framework: string | null): Fact<number>[] {
    const ports: Fact<number>[] = [];
    const add = (file: TextFile, value: number, offset: number, how: string): void => {
        if (value > 0 && value < 65536 && ports.length < MAX_PORTS && !ports.some((port) => port.value === value)) {
            ports.push({ value, at: { file: file.path, line: lineAt(file.text, offset) }, how });
        }
    };
    for (const file of sources) {
        const text = file.text;
        for (const match of text.matchAll(LISTEN_CALL)) {
            add(
                file,
                Number(match[3]),
                match.index,
                `${(match[1] ?? '').replace(/^\./, '')}("${match[2] ?? ''}:${match[3] ?? ''}")`,
            );
        }
        for (const match of text.matchAll(SERVER_ADDR)) {
            add(file, Number(match[2]), match.index, `http.Server Addr "${match[1] ?? ''}:${match[2] ?? ''}"`);
        }
        for (const match of text.matchAll(FLAG_DEFAULT)) {
            add(file, Number(match[3]), match.index, `-${match[1] ?? ''} flag default`);
        }
        for (const match of text.matchAll(FLAG_INT)) {
            add(file, Number(match[2]), match.index, `-${match[1] ?? ''} flag default`);
        }
        for (const match of text.matchAll(PORT_ENV)) {
            const fallback = defaultNearby(text, match.index);
            if (fallback) {
                add(
                    file,
                    fallback.value,
                    fallback.offset,
                    `PORT environment variable, default ${fallback.value} nearby`,
                );
            }
        }
        for (const match of text.matchAll(ENV_HELPER)) {
            add(
                file,
                Number(match[2]),
                match.index,
                `PORT environment variable, default ${match[2] ?? ''} (${match[1] ?? ''})`,
            );
        }
        for (const match of text.matchAll(ADDRESS_LITERAL)) {
            if (BACKING_SERVICE.test(match[1] ?? '')) {
                continue;
            }
            add(
                file,
                Number(match[3]),
                match.index,
                `listen address ${match[1] ?? ''} = "${match[2] ?? ''}:${match[3] ?? ''}"`,
            );
        }
        if (framework === 'gin') {
            for (const match of text.matchAll(GIN_BARE_RUN)) {
                add(file, 8080, match.index, 'gin default for Run() without an address (PORT, else 8080)');
            }
        }
    }
    return ports;
}

/** A port-like string literal within the few lines after `os.Getenv("PORT")` (`if port == "" { port = "8080" }`). */
function defaultNearby(text: string, from: number): { value: number; offset: number } | null {
    const window = text
        .slice(from, from + 600)
        .split('\n')
        .slice(0, 6)
        .join('\n');
    const literal = /"(?:[^"\s:]{0,100}:)?(\d{2,5})"/.exec(window);
    return literal?.[1] ? { value: Number(literal[1]), offset: from + literal.index } : null;
}
