import type { DiffTarget } from '../diff/DiffTarget';

/** The kinds a saved target may be: where an app runs, never this machine (`host:` is the project itself). */
export const SAVED_TARGET_KINDS = ['container', 'swarm', 'image', 'registry', 'file'] as const;

/** Where a saved target was written: the user's or the workspace's settings, or a project's .parity/config.json. */
export type SavedTargetOrigin =
    | { readonly kind: 'user-settings' }
    | { readonly kind: 'workspace-settings' }
    | { readonly kind: 'config-file'; readonly file: string };

/** A saved target that passed validation: its name, what it points at, and where it was written. */
export interface SavedTarget {
    readonly name: string;
    /** The target as written, `kind:VALUE[@ENGINE]` (file: paths as written, not resolved). */
    readonly text: string;
    readonly target: DiffTarget;
    readonly description?: string;
    readonly origin: SavedTargetOrigin;
}

/** An entry that could not be used: which one (by name when it has one, else by position) and why. */
export interface SavedTargetProblem {
    /** `"production API"` or `entry 3`. */
    readonly entry: string;
    readonly origin: SavedTargetOrigin;
    readonly message: string;
}
