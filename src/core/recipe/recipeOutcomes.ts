import type { RecipeFile } from './writeRecipe';

/** What packaging did to one file of the recipe. */
export interface RecipeOutcome {
    readonly name: string;
    /** written: new · updated: Parity's own, brought up to the plan · unchanged · replaced: the user's, with a yes · kept: the user's, as it was. */
    readonly how: 'written' | 'updated' | 'unchanged' | 'replaced' | 'kept';
}

/** The outcome of each recipe file after writeRecipe, then the plan file (always saved). */
export function recipeOutcomes(
    files: readonly RecipeFile[],
    replaced: ReadonlySet<string> | undefined,
    planFile: string,
): RecipeOutcome[] {
    return [
        ...files.map(
            (file): RecipeOutcome => ({
                name: file.name,
                how:
                    file.status === 'user'
                        ? replaced?.has(file.name)
                            ? 'replaced'
                            : 'kept'
                        : ({ new: 'written', same: 'unchanged', parity: 'updated' } as const)[file.status],
            }),
        ),
        { name: planFile, how: 'written' },
    ];
}
