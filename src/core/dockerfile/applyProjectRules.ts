import type { DiffRules } from '../diff/DiffRules';
import { keyPattern } from '../keyPattern';
import type { DocumentProblem } from './DockerfileProblem';

/**
 * The project's `.parity/config.json` rules on a file's problems, as the diff applies them: a severity
 * override by rule id ("off" drops it), and ignores matched on rule, facet and key (`*` allowed).
 */
export function applyProjectRules(
    problems: readonly DocumentProblem[],
    rules: Pick<DiffRules, 'severity' | 'ignore'>,
): DocumentProblem[] {
    const ignores = rules.ignore.map((ignore) => ({
        ...ignore,
        key: ignore.key === undefined ? undefined : keyPattern(ignore.key),
    }));
    const kept: DocumentProblem[] = [];
    for (const problem of problems) {
        const severity =
            problem.rule === undefined ? problem.severity : (rules.severity[problem.rule] ?? problem.severity);
        const ignored = ignores.some(
            (ignore) =>
                (ignore.rule === undefined || ignore.rule === problem.rule) &&
                (ignore.facet === undefined || ignore.facet === problem.facet) &&
                (ignore.key === undefined || ignore.key.test(problem.key)),
        );
        if (severity !== 'off' && !ignored) {
            kept.push(severity === problem.severity ? problem : { ...problem, severity });
        }
    }
    return kept;
}
