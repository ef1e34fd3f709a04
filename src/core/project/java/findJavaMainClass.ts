import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import { joinPath, type ProjectFiles } from '../ProjectFiles';

const SOURCE_ROOTS = ['src/main/java', 'src/main/kotlin'];
const MAX_DEPTH = 8;
const MAX_FILES = 300;

/**
 * The application's main class: a @SpringBootApplication / @QuarkusMain class, else the first class with a
 * main method. Package folders are deeper than the project walk goes, so this lists them itself, bounded.
 */
export async function findJavaMainClass(files: ProjectFiles): Promise<Fact<string> | null> {
    const sources = await listSources(files);
    let plain: Fact<string> | null = null;
    for (const path of sources) {
        const file = await files.readText(path);
        if (!file) {
            continue;
        }
        const annotated = /^[ \t]*@(SpringBootApplication|QuarkusMain|MicronautApplication)\b/m.exec(file.text);
        if (annotated) {
            return {
                value: file.path,
                at: { file: file.path, line: lineAt(file.text, annotated.index) },
                how: `@${annotated[1] ?? ''} class`,
            };
        }
        const main = /\bpublic\s+static\s+void\s+main\s*\(|^fun\s+main\s*\(/m.exec(file.text);
        if (main && !plain) {
            plain = {
                value: file.path,
                at: { file: file.path, line: lineAt(file.text, main.index) },
                how: 'main method',
            };
        }
    }
    return plain;
}

async function listSources(files: ProjectFiles): Promise<string[]> {
    const found: string[] = [];
    let level = SOURCE_ROOTS;
    for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && found.length < MAX_FILES; depth += 1) {
        const next: string[] = [];
        for (const dir of level) {
            for (const entry of await files.list(dir)) {
                const path = joinPath(dir, entry.name);
                if (entry.kind === 'file' && /\.(?:java|kt)$/.test(entry.name)) {
                    found.push(path);
                } else if (entry.kind === 'dir') {
                    next.push(path);
                }
            }
        }
        level = next;
    }
    return found.slice(0, MAX_FILES);
}
