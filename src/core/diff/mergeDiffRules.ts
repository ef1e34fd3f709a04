import { DEFAULT_DIFF_RULES, type DiffRules } from './DiffRules';

/**
 * One DiffRules from several layers, e.g. (.parity/config.json, settings, the plan's by-design facts):
 * a later layer's severity for a rule wins; ignores, required variables and by-design facts add up.
 */
export function mergeDiffRules(...layers: readonly Partial<DiffRules>[]): DiffRules {
    return layers.reduce<DiffRules>(
        (merged, layer) => ({
            severity: { ...merged.severity, ...layer.severity },
            ignore: [...merged.ignore, ...(layer.ignore ?? [])],
            requiredEnv: [...new Set([...merged.requiredEnv, ...(layer.requiredEnv ?? [])])],
            byDesign: [...merged.byDesign, ...(layer.byDesign ?? [])],
        }),
        DEFAULT_DIFF_RULES,
    );
}
