import type { Severity } from '../findings/Finding';
import type { RuleId } from './DIFF_RULE_TABLE';

/** Findings to leave out: every field given must match; `key` may use `*` for any run of characters. */
export interface IgnoreRule {
    readonly rule?: RuleId;
    readonly facet?: string;
    readonly key?: string;
    /** Why it is ignored, for whoever reads the config next. */
    readonly reason?: string;
}

/**
 * A difference Parity makes on purpose (the plan runs the app as a non-root user, gives CAs only at build
 * time …): a finding matching `facet` and `key` (`*` allowed; no key = the whole facet) becomes info with the reason.
 */
export interface ByDesignFact {
    readonly facet: string;
    readonly key?: string;
    readonly reason: string;
    /** Applies only when one side is an image (not a running container): see ByDesignNote.imageOnly. */
    readonly imageOnly?: boolean;
}

/** Everything that tunes a diff: merged from .parity/config.json, settings and the plan by mergeDiffRules. */
export interface DiffRules {
    /** A severity per rule id instead of the table's default; "off" ignores every finding of the rule. */
    readonly severity: Readonly<Partial<Record<RuleId, Severity | 'off'>>>;
    readonly ignore: readonly IgnoreRule[];
    /** Variables the app cannot run without: missing on a side is an error. */
    readonly requiredEnv: readonly string[];
    readonly byDesign: readonly ByDesignFact[];
}

export const DEFAULT_DIFF_RULES: DiffRules = { severity: {}, ignore: [], requiredEnv: [], byDesign: [] };
