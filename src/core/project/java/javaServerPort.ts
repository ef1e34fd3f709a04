import type { Node } from 'yaml';
import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { ProjectFiles, TextFile } from '../ProjectFiles';

/** The YAML library, loaded only when a project has a YAML file to read (most have none). */
type Yaml = typeof import('yaml');

const RESOURCES = 'src/main/resources';

/** Where each framework reads its HTTP port from, and its default. */
export const PORT_KEYS: Readonly<Record<string, { readonly key: string; readonly fallback: number }>> = {
    'spring-boot': { key: 'server.port', fallback: 8080 },
    quarkus: { key: 'quarkus.http.port', fallback: 8080 },
    micronaut: { key: 'micronaut.server.port', fallback: 8080 },
};

/**
 * The port set in application.properties / application.yml (a `${PORT:8080}` placeholder counts as its
 * default), else the framework's default. A setting Parity cannot read (`${PORT}` without a default) gives
 * no port rather than a wrong one.
 */
export async function javaServerPort(files: ProjectFiles, framework: string): Promise<Fact<number>[]> {
    const setting = PORT_KEYS[framework];
    if (!setting) {
        return [];
    }
    const properties = await files.readText(`${RESOURCES}/application.properties`);
    const fromProperties = properties ? propertiesPort(properties, setting.key) : undefined;
    if (fromProperties !== undefined) {
        return fromProperties ? [fromProperties] : [];
    }
    for (const name of ['application.yml', 'application.yaml']) {
        const yaml = await files.readText(`${RESOURCES}/${name}`);
        const fromYaml = yaml ? yamlPort(await import('yaml'), yaml, setting.key, files) : undefined;
        if (fromYaml !== undefined) {
            return fromYaml ? [fromYaml] : [];
        }
    }
    return [{ value: setting.fallback, how: `${framework} default` }];
}

function portFact(value: string, file: TextFile, line: number, key: string): Fact<number> | null {
    const placeholder = /^\$\{\s*([\w.]+)\s*:\s*(\d{1,5})\s*\}$/.exec(value);
    const port = placeholder ? Number(placeholder[2]) : /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        return null;
    }
    return {
        value: port,
        at: { file: file.path, line },
        how: placeholder
            ? `${key} in ${file.path}: ${placeholder[1] ?? ''} environment variable, default ${port}`
            : `${key} in ${file.path}`,
    };
}

/** The port fact, null when the key is set to something unreadable, undefined when it is not set. */
function propertiesPort(file: TextFile, key: string): Fact<number> | null | undefined {
    const escaped = key.replace(/\./g, '\\.');
    const match = new RegExp(`^[ \\t]*${escaped}[ \\t]*[=:](.*)$`, 'm').exec(file.text);
    return match ? portFact((match[1] ?? '').trim(), file, lineAt(file.text, match.index), key) : undefined;
}

/** `server: {port: 8081}` or a flat `server.port: 8081`, in the first YAML document that sets it. */
function yamlPort(yaml: Yaml, file: TextFile, key: string, files: ProjectFiles): Fact<number> | null | undefined {
    const { isScalar } = yaml;
    const lineCounter = new yaml.LineCounter();
    const documents = yaml.parseAllDocuments(file.text, { lineCounter });
    if (!Array.isArray(documents)) {
        return undefined;
    }
    for (const document of documents) {
        const [error] = document.errors;
        if (error) {
            files.issues.add({
                severity: 'warning',
                message: `${file.path} is not valid YAML (${error.message.split('\n')[0] ?? ''}).`,
                at: { file: file.path, line: lineCounter.linePos(error.pos[0]).line },
            });
            return undefined;
        }
        const node = find(yaml, document.contents, key.split('.')) ?? find(yaml, document.contents, [key]);
        if (node && isScalar(node) && node.range) {
            return portFact(String(node.value), file, lineCounter.linePos(node.range[0]).line, key);
        }
    }
    return undefined;
}

function find(yaml: Yaml, node: Node | null | undefined, path: readonly string[]): Node | null {
    const { isMap, isScalar } = yaml;
    if (path.length === 0) {
        return node ?? null;
    }
    if (!isMap(node)) {
        return null;
    }
    const [head, ...rest] = path;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === head);
    return pair ? find(yaml, pair.value as Node | null, rest) : null;
}
