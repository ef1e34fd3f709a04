import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { ProjectFiles } from '../ProjectFiles';

export interface PlainMain {
    readonly startCommand: Fact<readonly string[]>;
    readonly ports: readonly Fact<number>[];
}

/** The port a plain main reads: a PORT fallback (getOrDefault, orElse, a ternary's literal) or a literal socket address. */
const PORT_PATTERNS: readonly { readonly pattern: RegExp; readonly how: (value: string) => string }[] = [
    {
        pattern: /System\.getenv\(\)\.getOrDefault\(\s*"PORT"\s*,\s*"(\d{2,5})"\s*\)/,
        how: (value) => `PORT environment variable, default ${value}`,
    },
    {
        pattern: /System\.getenv\(\s*"PORT"\s*\)\s*\)?\s*\.orElse\(\s*"(\d{2,5})"\s*\)/,
        how: (value) => `PORT environment variable, default ${value}`,
    },
    {
        pattern: /System\.getenv\(\s*"PORT"\s*\)\s*[!=]=\s*null\s*\?[^:;\n]{0,120}:\s*"?(\d{2,5})"?/,
        how: (value) => `PORT environment variable, default ${value}`,
    },
    {
        pattern: /\bnew\s+InetSocketAddress\(\s*(?:"[^"\n]{0,100}"\s*,\s*)?(\d{2,5})\s*\)/,
        how: (value) => `InetSocketAddress(${value})`,
    },
    { pattern: /\.start\(\s*(\d{2,5})\s*\)/, how: (value) => `start(${value})` },
];

/**
 * How a plain `main` class (no framework) starts from the build's jar and its runtime class path — the main class
 * named on the command line, so it holds whether or not the jar's manifest names one — and the port its source
 * reads, with the line.
 */
export async function javaPlainMain(files: ProjectFiles, entry: Fact<string>): Promise<PlainMain | null> {
    const file = await files.readText(entry.value);
    const className = /([A-Za-z_$][\w$]*)\.(?:java|kt)$/.exec(entry.value)?.[1];
    if (!file || !className) {
        return null;
    }
    const pkg = /^[ \t]*package[ \t]+([\w.]+)[ \t]*;?[ \t]*$/m.exec(file.text)?.[1];
    // Kotlin's top-level main compiles to <File>Kt.
    const mainClass = `${pkg ? `${pkg}.` : ''}${entry.value.endsWith('.kt') && !/\bclass\s+\w+/.test(file.text) ? `${className}Kt` : className}`;
    const ports: Fact<number>[] = [];
    for (const { pattern, how } of PORT_PATTERNS) {
        const match = pattern.exec(file.text);
        const value = Number(match?.[1]);
        if (match?.[1] && value >= 1 && value <= 65535) {
            ports.push({
                value,
                at: { file: file.path, line: lineAt(file.text, match.index) },
                how: `${how(match[1])} in ${file.path}`,
            });
            break;
        }
    }
    return {
        startCommand: {
            value: ['java', '-cp', 'app.jar:lib/*', mainClass],
            ...(entry.at ? { at: entry.at } : {}),
            how: `main class ${mainClass} from the built jar and its runtime class path (lib/)`,
        },
        ports,
    };
}
