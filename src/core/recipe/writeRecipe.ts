import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Recipe } from '../plan/Plan';
import { readProjectFile } from '../readProjectFile';
import { checkProjectFile, writeProjectFile } from '../writeProjectFile';

/** Where Parity remembers what it last wrote, so it can tell its own untouched files from the user's. */
export const RECIPE_RECORD = '.parity/recipe.json';

export type RecipeFileStatus =
    /** The file does not exist yet. */
    | 'new'
    /** It already holds exactly what Parity would write. */
    | 'same'
    /** Parity wrote it and nobody changed it since: safe to replace. */
    | 'parity'
    /** Someone else wrote or edited it: never replaced without asking. */
    | 'user';

export interface RecipeFile {
    readonly name: 'Dockerfile' | '.dockerignore';
    readonly path: string;
    readonly status: RecipeFileStatus;
    /** What is on disk now (absent for new files). */
    readonly current?: string;
    readonly proposed: string;
}

/** The user's files that a write would replace; thrown when the caller did not allow it. */
export class RecipeConflictError extends Error {
    constructor(readonly files: readonly RecipeFile[]) {
        const one = files.length === 1;
        super(
            `${files.map((file) => file.name).join(' and ')} ${one ? 'exists and was' : 'exist and were'} not written by Parity (or changed since); Parity does not overwrite ${one ? 'it' : 'them'} without being asked.`,
        );
        this.name = 'RecipeConflictError';
    }
}

/** How each recipe file stands against what Parity would write now. */
export async function inspectRecipe(projectRoot: string, recipe: Recipe): Promise<RecipeFile[]> {
    const record = await readRecord(projectRoot);
    const files: [RecipeFile['name'], string][] = [
        ['Dockerfile', recipe.dockerfile],
        ['.dockerignore', recipe.dockerignore],
    ];
    return Promise.all(
        files.map(async ([name, proposed]): Promise<RecipeFile> => {
            const path = join(projectRoot, name);
            const current = await readProjectFile(projectRoot, name);
            if (current === undefined) {
                return { name, path, status: 'new', proposed };
            }
            const status: RecipeFileStatus =
                current === proposed ? 'same' : record[name] === sha256(current) ? 'parity' : 'user';
            return { name, path, status, current, proposed };
        }),
    );
}

export interface WriteRecipeChoices {
    /** The user's files to replace anyway (the user said yes, or the CLI got --force). */
    readonly replace?: ReadonlySet<RecipeFile['name']>;
    /** The user's files to leave as they are (the user chose to build their own). */
    readonly keep?: ReadonlySet<RecipeFile['name']>;
}

/**
 * Writes the Dockerfile and .dockerignore atomically and records their hashes. A file the user owns is
 * replaced only when listed in `replace` and left alone when listed in `keep`; any other such file stops
 * the whole write — nothing at all is written — and RecipeConflictError names the files.
 */
export async function writeRecipe(
    projectRoot: string,
    recipe: Recipe,
    choices: WriteRecipeChoices = {},
): Promise<RecipeFile[]> {
    const files = await inspectRecipe(projectRoot, recipe);
    const replace = choices.replace ?? new Set();
    const keep = choices.keep ?? new Set();
    const conflicts = files.filter((file) => file.status === 'user' && !replace.has(file.name) && !keep.has(file.name));
    if (conflicts.length > 0) {
        throw new RecipeConflictError(conflicts);
    }
    const written = files.filter((file) => !(file.status === 'user' && keep.has(file.name)));
    const changed = written.filter((file) => file.status !== 'same');
    // Every target is checked before the first write, so a refused link leaves the project as it was.
    for (const name of [...changed.map((file) => file.name), RECIPE_RECORD]) {
        await checkProjectFile(projectRoot, name);
    }
    for (const file of changed) {
        await writeProjectFile(projectRoot, file.name, file.proposed);
    }
    const record = Object.fromEntries(written.map((file) => [file.name, sha256(file.proposed)]));
    await writeProjectFile(projectRoot, RECIPE_RECORD, `${JSON.stringify(record, null, 2)}\n`);
    return files;
}

async function readRecord(projectRoot: string): Promise<Partial<Record<RecipeFile['name'], string>>> {
    const text = await readProjectFile(projectRoot, RECIPE_RECORD);
    try {
        return text === undefined ? {} : (JSON.parse(text) as Partial<Record<RecipeFile['name'], string>>);
    } catch {
        return {};
    }
}

function sha256(text: string): string {
    return createHash('sha256').update(text).digest('hex');
}
