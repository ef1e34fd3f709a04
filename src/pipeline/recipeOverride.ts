/** A Dockerfile (and .dockerignore) built instead of the folder's: sent in the build context only, never written to the project. */
export interface RecipeOverride {
    readonly dockerfile: string;
    /** Absent: the folder's own .dockerignore applies. */
    readonly dockerignore?: string;
}

/** The context options that make a build (or a freshness check) see the override's Dockerfile in place of the folder's. */
export function overrideContext(recipe: RecipeOverride | undefined): {
    extraFiles?: Record<string, Buffer>;
    dockerignore?: string;
} {
    return recipe
        ? {
              extraFiles: { Dockerfile: Buffer.from(recipe.dockerfile) },
              ...(recipe.dockerignore === undefined ? {} : { dockerignore: recipe.dockerignore }),
          }
        : {};
}
