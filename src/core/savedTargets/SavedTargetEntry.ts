import Type, { type Static } from 'typebox';
import { SAVED_TARGET_KINDS } from './SavedTarget';

/**
 * One saved target as written in the `parity.targets` setting and under `targets` in `.parity/config.json`:
 * the single source of its TypeScript type, of parseSavedTargets' validation and of both JSON Schemas.
 */
export const SavedTargetEntry = Type.Object(
    {
        name: Type.String({
            minLength: 1,
            maxLength: 100,
            pattern: '\\S',
            description: 'What the Targets view calls it, e.g. "production API". Unique among the targets.',
        }),
        target: Type.String({
            minLength: 3,
            maxLength: 1000,
            pattern: `^(${SAVED_TARGET_KINDS.join('|')}):.`,
            description:
                'kind:VALUE[@ENGINE] as `parity diff` takes it: container:NAME, swarm:SERVICE, image:REF, registry:REF (each optionally @ENGINE — an address such as ssh://deploy@host:2222 or tcp://host:2376, or a Docker context) or file:PATH (a saved snapshot, relative to the workspace folder).',
        }),
        description: Type.Optional(Type.String({ maxLength: 500, description: "A note shown in the row's hover." })),
    },
    { additionalProperties: false, description: 'A target: where the app runs, to compare with this project.' },
);
export type SavedTargetEntry = Static<typeof SavedTargetEntry>;
