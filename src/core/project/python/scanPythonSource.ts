import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { TextFile } from '../ProjectFiles';

export type AppKind = 'asgi' | 'wsgi';

export interface PythonSourceScan {
    /** The line of `if __name__ == "__main__":`, or null. */
    readonly mainLine: number | null;
    /** A module-level web app object (`app = Flask(__name__)`), or null. */
    readonly app: {
        readonly variable: string;
        readonly kind: AppKind | null;
        readonly maker: string;
        readonly line: number;
    } | null;
    /** Ports the file passes to a server or falls back to, each with its line. */
    readonly ports: readonly Fact<number>[];
}

const MAIN_BLOCK = /^if\s+(?:__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__)\s*:/m;
const APP_OBJECT =
    /^(\w+)[ \t]*(?::[ \t]*[\w.]+[ \t]*)?=[ \t]*(?:\w{1,40}\.){0,3}?(FastAPI|Starlette|Litestar|Quart|Flask|Sanic|Bottle|falcon\.App|falcon\.API|web\.Application|get_wsgi_application|get_asgi_application|create_app)[ \t]*\(/m;
/** The interface each app maker produces; null when it needs its own server (Sanic, aiohttp) or cannot be told. */
const KIND: Readonly<Record<string, AppKind | null>> = {
    FastAPI: 'asgi',
    Starlette: 'asgi',
    Litestar: 'asgi',
    Quart: 'asgi',
    get_asgi_application: 'asgi',
    Flask: 'wsgi',
    Bottle: 'wsgi',
    'falcon.App': 'wsgi',
    'falcon.API': 'wsgi',
    get_wsgi_application: 'wsgi',
    Sanic: null,
    'web.Application': null,
    create_app: null,
};
/** Calls that start a server; their `port=` argument is the port. */
const SERVER_CALL = /\b((?:\w{1,40}\.){0,4})(run|run_app|serve|listen|make_server|run_simple)\s*\(/g;
/** os.environ.get("PORT", "8000") · getenv("PORT", default=5000) · environ.setdefault(…) · os.getenv("PORT") or 8000. */
const ENV_PORT =
    /\b(?:os\.)?(?:environ\.get|getenv|environ\.setdefault)\(\s*["']PORT["']\s*(?:,\s*(?:default\s*=\s*)?["']?(\d{2,5})|\)\s*or\s*["']?(\d{2,5}))/g;
const MAX_PORTS = 10;
const PORT_CONSTANT = /^PORT\s*=\s*(?:int\()?\s*(\d{2,5})\b/gm;

/** What a Python entry file says about how it runs: its __main__ block, its app object, its ports. */
export function scanPythonSource(file: TextFile): PythonSourceScan {
    const text = file.text;
    const main = MAIN_BLOCK.exec(text);
    const app = APP_OBJECT.exec(text);
    const ports: Fact<number>[] = [];
    const addPort = (value: number, offset: number, how: string): void => {
        if (value > 0 && value < 65536 && ports.length < MAX_PORTS && !ports.some((port) => port.value === value)) {
            ports.push({ value, at: { file: file.path, line: lineAt(text, offset) }, how });
        }
    };
    for (const call of text.matchAll(SERVER_CALL)) {
        const args = callArguments(text, call.index + call[0].length);
        const keyword = /\bport\s*=\s*(\d{2,5})\b/.exec(args);
        const name = call[2] ?? '';
        const positional =
            name === 'listen' || name === 'make_server' || name === 'run_simple'
                ? /^\s*(?:["'][^"']*["']\s*,\s*)?(\d{2,5})\s*[,)]?/.exec(args)
                : null;
        const found = keyword ?? positional;
        if (found?.[1]) {
            addPort(
                Number(found[1]),
                call.index + call[0].length + found.index + found[0].indexOf(found[1]),
                `${keyword ? `port=${found[1]}` : found[1]} passed to ${call[1] ?? ''}${name}()`,
            );
        }
    }
    for (const env of text.matchAll(ENV_PORT)) {
        const fallback = env[1] ?? env[2] ?? '';
        addPort(Number(fallback), env.index, `PORT environment variable, default ${fallback}`);
    }
    for (const constant of text.matchAll(PORT_CONSTANT)) {
        addPort(Number(constant[1]), constant.index, `PORT constant in ${file.path}`);
    }
    return {
        mainLine: main ? lineAt(text, main.index) : null,
        app:
            app?.[1] && app[2]
                ? {
                      variable: app[1],
                      kind: Object.hasOwn(KIND, app[2]) ? (KIND[app[2]] ?? null) : null,
                      maker: app[2],
                      line: lineAt(text, app.index),
                  }
                : null,
        ports,
    };
}

/** The text between a call's parentheses (nested ones included), bounded so a stray "(" cannot run away. */
function callArguments(text: string, start: number): string {
    let depth = 1;
    const limit = Math.min(text.length, start + 2000);
    for (let index = start; index < limit; index += 1) {
        const char = text[index];
        if (char === '(') {
            depth += 1;
        } else if (char === ')') {
            depth -= 1;
            if (depth === 0) {
                return text.slice(start, index);
            }
        }
    }
    return text.slice(start, limit);
}
