import {
    findNodeAtLocation,
    getNodeValue,
    parseTree,
    printParseErrorCode,
    type Node,
    type ParseError,
} from 'jsonc-parser';
import { joinPath, type ProjectFiles } from '../ProjectFiles';
import { lineAt } from '../lineAt';

export type DependencySection = 'dependencies' | 'devDependencies' | 'optionalDependencies';

/** The sections that get installed for a build; peerDependencies are the consumer's business. */
const SECTIONS: readonly DependencySection[] = ['dependencies', 'devDependencies', 'optionalDependencies'];

export interface DependencyRef {
    readonly name: string;
    /** The version spec as written. */
    readonly spec: string;
    readonly section: DependencySection;
    readonly line: number;
}

export type JsonPath = readonly (string | number)[];

/** One package.json, parsed with positions so every fact can point at its line. */
export interface PackageJson {
    /** Project-relative path of the file, e.g. "apps/api/package.json". */
    readonly file: string;
    /** The package folder, "." for the project root. */
    readonly dir: string;
    /** The document; for a malformed file, the part that could be read. */
    readonly data: Readonly<Record<string, unknown>>;
    /** The value at a path, or undefined. */
    get(path: JsonPath): unknown;
    /** The 1-based line of the property at a path; line 1 when it is absent. */
    lineOf(path: JsonPath): number;
    /** Installed dependencies by name; the first section wins for a name listed twice. */
    readonly dependencies: ReadonlyMap<string, DependencyRef>;
}

/**
 * Reads `<dir>/package.json`. Malformed JSON becomes an error issue at the line of the first problem,
 * and the readable part is still used (jsonc-parser recovers), as a person reading the file would.
 */
export async function readPackageJson(files: ProjectFiles, dir: string): Promise<PackageJson | null> {
    const file = joinPath(dir, 'package.json');
    const read = await files.readText(file);
    if (!read) {
        return null;
    }
    const { text } = read;
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, {
        disallowComments: true,
        allowTrailingComma: false,
        allowEmptyContent: false,
    });
    const first = errors[0];
    if (first) {
        const line = lineAt(text, first.offset);
        const column = first.offset - text.lastIndexOf('\n', first.offset - 1);
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
        files.issues.add({
            severity: 'error',
            message: `${file} is not valid JSON: ${describeParseError(first)} at line ${line}, column ${column}${more}. npm, yarn and pnpm will refuse it; Parity used the parts it could read.`,
            at: { file, line },
        });
    }
    const root = tree?.type === 'object' ? tree : undefined;
    if (tree && !root) {
        files.issues.add({
            severity: 'error',
            message: `${file} must hold a JSON object, not ${tree.type === 'array' ? 'an array' : `a ${tree.type}`}.`,
            at: { file, line: lineAt(text, tree.offset) },
        });
    }
    const data = root ? (getNodeValue(root) as Record<string, unknown>) : {};
    const nodeAt = (path: JsonPath): Node | undefined => (root ? findNodeAtLocation(root, [...path]) : undefined);
    const lineOf = (path: JsonPath): number => {
        const node = nodeAt(path);
        if (!node) {
            return 1;
        }
        const anchor = node.parent?.type === 'property' ? node.parent : node;
        return lineAt(text, anchor.offset);
    };
    const get = (path: JsonPath): unknown => {
        let value: unknown = data;
        for (const key of path) {
            if (typeof value !== 'object' || value === null) {
                return undefined;
            }
            value = (value as Record<string | number, unknown>)[key];
        }
        return value;
    };
    const dependencies = new Map<string, DependencyRef>();
    for (const section of SECTIONS) {
        const entries = data[section];
        if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
            continue;
        }
        for (const [name, spec] of Object.entries(entries as Record<string, unknown>)) {
            if (typeof spec === 'string' && !dependencies.has(name)) {
                dependencies.set(name, { name, spec, section, line: lineOf([section, name]) });
            }
        }
    }
    return { file, dir: joinPath(dir), data, get, lineOf, dependencies };
}

/** "CommaExpected" → "comma expected". */
function describeParseError(error: ParseError): string {
    return printParseErrorCode(error.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
}
