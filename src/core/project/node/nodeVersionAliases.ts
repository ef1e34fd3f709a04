import semver from 'semver';

/**
 * The date the tables below were last checked against nodejs/Release (CODENAMES.md and the release list).
 * On that date Node 26 "Lithium" was the newest LTS line (LTS since v26.13.0, 2026-10-28) and the newest
 * release line; Node 27 ("Magnesium") is not out yet. Update both tables together when a line is released.
 */
export const NODE_VERSION_TABLE_DATE = '2026-11-28';

/** LTS codenames (lower case, as nvm spells them in `lts/<codename>`) → major version. */
export const NODE_LTS_CODENAMES: Readonly<Record<string, number>> = {
    argon: 4,
    boron: 6,
    carbon: 8,
    dubnium: 10,
    erbium: 12,
    fermium: 14,
    gallium: 16,
    hydrogen: 18,
    iron: 20,
    jod: 22,
    krypton: 24,
    lithium: 26,
};

/** The newest released major on the table's date: what `node`, `stable`, `latest` and `current` mean. */
export const NEWEST_NODE_MAJOR = 26;

/** Aliases for the newest release, as nvm (`node`, `stable`), fnm, mise and nvm-windows (`latest`, `current`) spell them. */
const NEWEST_ALIASES: ReadonlySet<string> = new Set(['node', 'stable', 'latest', 'current']);

export interface NodeVersionResolution {
    /** A semver range, or null when the text pins no version Parity can know offline. */
    readonly range: string | null;
    /** How an alias was resolved, or why the range is null. */
    readonly note?: string;
    /** Set when version managers would not understand the text either; the caller reports it with its place. */
    readonly problem?: string;
}

/**
 * Resolves what version files (.nvmrc, .node-version, .tool-versions, mise.toml, volta) say, offline:
 * `lts/*`, `lts/<codename>`, `lts/-1`, `lts` and asdf's `lts-<codename>`; `node`/`stable`/`latest`/`current`;
 * `v20.11.1`; partial versions `20` and `20.11`; any other valid semver range; `system` and `iojs` (no version).
 */
export function resolveNodeVersion(raw: string): NodeVersionResolution {
    const text = raw.trim();
    const lower = text.toLowerCase();
    if (lower === 'system') {
        return { range: null, note: '"system" means whichever Node.js the machine has installed; it pins no version.' };
    }
    if (lower === 'iojs' || lower.startsWith('iojs-')) {
        return {
            range: null,
            note: 'io.js merged back into Node.js in 2015 (Node 4); an "iojs" pin names no Node.js version.',
        };
    }
    if (NEWEST_ALIASES.has(lower)) {
        return {
            range: `${NEWEST_NODE_MAJOR}.x`,
            note: `"${text}" means the newest Node.js release: Node ${NEWEST_NODE_MAJOR} as of ${NODE_VERSION_TABLE_DATE}.`,
        };
    }
    const lts = /^lts(?:[/-](.+))?$/.exec(lower);
    if (lts) {
        return resolveLts(text, lts[1]);
    }
    const partial = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(lower);
    if (partial) {
        const [, major, minor, patch] = partial;
        const version = [major, minor, patch].filter((part) => part !== undefined).map((part) => String(Number(part)));
        return { range: version.length === 3 ? version.join('.') : `${version.join('.')}.x` };
    }
    const withoutV = text.replace(/^v(?=\d)/i, '');
    if (semver.validRange(withoutV) !== null) {
        return { range: withoutV };
    }
    if (/^[a-z][\w./-]*$/i.test(text)) {
        return {
            range: null,
            note: 'An alias Parity does not know.',
            problem: `"${text}" is not an alias Parity knows (nvm aliases made with \`nvm alias\` exist on one machine only); pin a version such as "${NEWEST_NODE_MAJOR}" or "lts/*" instead.`,
        };
    }
    return {
        range: null,
        note: 'Not a Node.js version or semver range.',
        problem: `"${text}" is not a Node.js version, alias or semver range.`,
    };
}

function resolveLts(text: string, which: string | undefined): NodeVersionResolution {
    const lines = Object.entries(NODE_LTS_CODENAMES).sort(([, a], [, b]) => b - a);
    if (which === undefined || which === '*' || which === 'latest') {
        const [codename, major] = lines[0] ?? ['', NEWEST_NODE_MAJOR];
        return {
            range: `${major}.x`,
            note: `"${text}" means the newest LTS line: Node ${major} (${capitalize(codename)}) as of ${NODE_VERSION_TABLE_DATE}.`,
        };
    }
    const back = /^-(\d+)$/.exec(which);
    if (back) {
        const line = lines[Number(back[1])];
        if (!line) {
            return {
                range: null,
                note: 'Older than the LTS table.',
                problem: `"${text}" goes back further than the ${lines.length} LTS lines Parity knows.`,
            };
        }
        return {
            range: `${line[1]}.x`,
            note: `"${text}" is Node ${line[1]} (${capitalize(line[0])}), ${back[1]} LTS line(s) before the newest as of ${NODE_VERSION_TABLE_DATE}.`,
        };
    }
    const major = NODE_LTS_CODENAMES[which];
    if (major === undefined) {
        return {
            range: null,
            note: 'An LTS codename Parity does not know.',
            problem: `"${text}" names an LTS codename Parity does not know (known as of ${NODE_VERSION_TABLE_DATE}: ${lines
                .map(([name]) => name)
                .reverse()
                .join(', ')}).`,
        };
    }
    return { range: `${major}.x`, note: `"${text}" is Node ${major} (${capitalize(which)} LTS).` };
}

function capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
