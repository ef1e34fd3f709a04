import { DiffConfigError } from '../../core/diff/DiffConfigError';
import type { DiffRules } from '../../core/diff/DiffRules';
import { parseDiffConfig } from '../../core/diff/parseDiffConfig';

/** The raw values of `parity.diff.severity`, `parity.diff.ignore` and `parity.diff.requiredEnv`; undefined when unset. */
export interface DiffSettingValues {
    readonly severity?: unknown;
    readonly ignore?: unknown;
    readonly requiredEnv?: unknown;
}

/** A diff setting Parity cannot use: the message names the setting and what is wrong with it. */
export class DiffSettingsError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'DiffSettingsError';
    }
}

/**
 * The diff settings as the DiffRules they set, validated by the same schema as .parity/config.json (a
 * setting can hide findings just as the file can). Throws DiffSettingsError naming each bad setting, e.g.
 * `parity.diff.severity["env.mising"] is not a rule id`.
 */
export function diffRulesFromSettings(values: DiffSettingValues): Partial<DiffRules> {
    const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    try {
        return parseDiffConfig(JSON.stringify(given), 'settings');
    } catch (error) {
        if (error instanceof DiffConfigError) {
            throw new DiffSettingsError(
                error.problems.map((problem) => `parity.diff.${problem.path} ${problem.message}`).join('; '),
            );
        }
        throw error;
    }
}
