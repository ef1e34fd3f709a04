import Type, { type Static } from 'typebox';
import { SavedTargetEntry } from '../savedTargets/SavedTargetEntry';
import { DIFF_RULE_TABLE } from './DIFF_RULE_TABLE';

const RULE_IDS = Object.keys(DIFF_RULE_TABLE);
const SEVERITIES = ['error', 'warning', 'info', 'off'];

/**
 * `.parity/config.json`: the single source of its TypeScript type, of parseDiffConfig's validation and of
 * schemas/config.schema.json (`npm run schema`). docs/diff.md documents the rules, docs/targets.md `targets`.
 */
export const DiffConfig = Type.Object(
    {
        $schema: Type.Optional(Type.String()),
        severity: Type.Optional(
            Type.Object(
                Object.fromEntries(
                    Object.entries(DIFF_RULE_TABLE).map(([id, rule]) => [
                        id,
                        Type.Optional(
                            Type.Enum(SEVERITIES, { description: `${rule.description} Default: ${rule.severity}.` }),
                        ),
                    ]),
                ),
                {
                    additionalProperties: false,
                    description:
                        'A severity per rule id instead of the default; "off" ignores every finding of the rule. See docs/diff.md for the rules.',
                },
            ),
        ),
        ignore: Type.Optional(
            Type.Array(
                Type.Object(
                    {
                        rule: Type.Optional(Type.Enum(RULE_IDS, { description: 'A rule id from docs/diff.md.' })),
                        facet: Type.Optional(Type.String({ minLength: 1 })),
                        key: Type.Optional(
                            Type.String({
                                minLength: 1,
                                description: 'The finding key; * matches any run of characters.',
                            }),
                        ),
                        reason: Type.Optional(Type.String()),
                    },
                    {
                        additionalProperties: false,
                        minProperties: 1,
                        description: 'Findings to leave out (they are still counted): every field given must match.',
                    },
                ),
            ),
        ),
        requiredEnv: Type.Optional(
            Type.Array(Type.String({ pattern: '^[^=\\s]+$' }), {
                description: 'Variables the app cannot run without: missing on either side is an error.',
            }),
        ),
        targets: Type.Optional(
            Type.Array(SavedTargetEntry, {
                description:
                    "The team's targets, listed in the Targets view of VS Code next to the parity.targets setting's. See docs/targets.md.",
            }),
        ),
    },
    {
        $id: 'https://parity.dev/schemas/config.schema.json',
        title: 'Parity project configuration (.parity/config.json)',
        description:
            "How `parity diff` and Diff with Target judge differences, and the team's saved targets. See docs/diff.md and docs/targets.md.",
        additionalProperties: false,
    },
);
export type DiffConfig = Static<typeof DiffConfig>;
