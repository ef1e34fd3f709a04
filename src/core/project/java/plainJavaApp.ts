import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { ProjectFiles } from '../ProjectFiles';

/** Packaged by the recipe: the app's jar as app.jar, its runtime dependencies in lib/ (java expands `lib/*` itself). */
const CLASS_PATH = 'app.jar:lib/*';

/**
 * A plain `main` app (no framework): its start command from the main class — the file's package and name
 * (Kotlin's top-level main lives in `<File>Kt`) — and the port when the main class reads PORT or SERVER_PORT
 * with a number as its default (the first number after it).
 */
export async function plainJavaApp(files: ProjectFiles, entry: Fact<string>): Promise<{ startCommand: Fact<readonly string[]> | null; ports: Fact<number>[] }> {
    const file = await files.readText(entry.value);
    if (!file) {
        return { startCommand: null, ports: [] };
    }
    const name = /([A-Za-z_$][\w$]*)\.(java|kt)$/.exec(file.path);
    const pkg = /^[ \t]*package[ \t]+([A-Za-z_][\w.]*)/m.exec(file.text)?.[1];
    if (!name?.[1]) {
        return { startCommand: null, ports: [] };
    }
    const simple = name[2] === 'kt' ? `${name[1].charAt(0).toUpperCase()}${name[1].slice(1)}Kt` : name[1];
    const mainClass = pkg ? `${pkg}.${simple}` : simple;
    const startCommand = { value: ['java', '-cp', CLASS_PATH, mainClass], ...(entry.at ? { at: entry.at } : {}), how: `main class ${mainClass}: the jar and its runtime dependencies copied as app.jar and lib/` };
    const read = /getenv\(\s*(?:\)\s*\.\s*getOrDefault\(\s*)?"(PORT|SERVER_PORT)"[\s\S]{0,200}?\b(\d{2,5})\b/.exec(file.text);
    const port = read?.[2] ? Number(read[2]) : NaN;
    const ports = Number.isInteger(port) && port > 0 && port <= 65535
        ? [{ value: port, at: { file: file.path, line: lineAt(file.text, read?.index ?? 0) }, how: read?.[1] === 'PORT' ? `PORT environment variable, default ${port}, read by ${mainClass}` : `read from SERVER_PORT (default ${port}) by ${mainClass}` }]
        : [];
    return { startCommand, ports };
}
