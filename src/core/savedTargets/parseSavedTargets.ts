import { DiffTargetError, parseDiffTarget } from '../diff/DiffTarget';
import { SAVED_TARGET_KINDS, type SavedTarget, type SavedTargetOrigin, type SavedTargetProblem } from './SavedTarget';
import type { SavedTargetEntry } from './SavedTargetEntry';

export interface ParsedSavedTargets {
    readonly targets: readonly SavedTarget[];
    readonly problems: readonly SavedTargetProblem[];
}

/**
 * The entries of one source of saved targets (a setting's value or a config file's `targets`, both
 * untrusted) checked one by one: a bad entry becomes one problem naming it and the others are kept. Names
 * already taken (by `taken`, e.g. an earlier source, or by an earlier entry) are problems too: a name is
 * how a person tells two rows apart.
 */
export function parseSavedTargets(
    value: unknown,
    origin: SavedTargetOrigin,
    taken: ReadonlySet<string> = new Set(),
): ParsedSavedTargets {
    if (value === undefined || value === null) {
        return { targets: [], problems: [] };
    }
    if (!Array.isArray(value)) {
        return {
            targets: [],
            problems: [{ entry: 'targets', origin, message: 'must be a list of { "name", "target" } entries' }],
        };
    }
    const names = new Set(taken);
    const targets: SavedTarget[] = [];
    const problems: SavedTargetProblem[] = [];
    value.forEach((raw: unknown, index) => {
        const named =
            typeof raw === 'object' &&
            raw !== null &&
            typeof (raw as { name?: unknown }).name === 'string' &&
            (raw as { name: string }).name.trim() !== '';
        const label = named ? `"${(raw as { name: string }).name.trim()}"` : `entry ${index + 1}`;
        const problem = (message: string): void => {
            problems.push({ entry: label, origin, message });
        };
        const shape = entryShapeProblem(raw);
        if (shape !== undefined) {
            problem(shape);
            return;
        }
        const entry = raw as SavedTargetEntry;
        const name = entry.name.trim();
        let target;
        try {
            target = parseDiffTarget(entry.target.trim());
        } catch (error) {
            problem(error instanceof DiffTargetError ? error.message : String(error));
            return;
        }
        if (target.kind === 'host') {
            problem(
                'host: is this machine, not a target; save a container, swarm service, image, registry image or snapshot file',
            );
            return;
        }
        if (names.has(name)) {
            problem('another target has this name already; names must be unique');
            return;
        }
        names.add(name);
        targets.push({
            name,
            text: entry.target.trim(),
            target,
            ...(entry.description === undefined ? {} : { description: entry.description }),
            origin,
        });
    });
    return { targets, problems };
}

/**
 * The first thing wrong with an entry's shape, in words; undefined when it has the shape of SavedTargetEntry
 * (the schema the settings and config.json editors check against). Checked by hand, not with the schema's
 * compiled validator: the Targets view reads this at every refresh, and the compiler would weigh on the
 * extension's start-up bundle.
 */
function entryShapeProblem(raw: unknown): string | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return 'must be an object { "name": …, "target": "kind:VALUE[@ENGINE]" }';
    }
    const entry = raw as Record<string, unknown>;
    const extra = Object.keys(entry).filter((key) => !['name', 'target', 'description'].includes(key));
    if (extra.length > 0) {
        return `has fields Parity does not know: ${extra.join(', ')} (use name, target, description)`;
    }
    if (typeof entry.name !== 'string' || entry.name.trim() === '' || entry.name.length > 100) {
        return 'needs a "name" (1 to 100 characters)';
    }
    if (typeof entry.target !== 'string') {
        return 'needs a "target" such as container:api@ssh://deploy@host or image:node:20';
    }
    if (!SAVED_TARGET_KINDS.some((kind) => (entry.target as string).trim().startsWith(`${kind}:`))) {
        return `"${entry.target}" is not a target kind Parity saves: use ${SAVED_TARGET_KINDS.map((kind) => `${kind}:`).join(', ')}`;
    }
    if (entry.description !== undefined && typeof entry.description !== 'string') {
        return '"description" must be text';
    }
    if (entry.target.length > 1000 || (entry.description?.length ?? 0) > 500) {
        return 'is too long (a target up to 1000 characters, a description up to 500)';
    }
    return undefined;
}
