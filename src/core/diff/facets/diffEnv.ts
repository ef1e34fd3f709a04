import type { FindingFix, Side } from '../../findings/Finding';
import { isSecretName } from '../../snapshot/isSecretName';
import type { EnvVarFact } from '../../snapshot/Snapshot';
import { type DiffContext, type Draft, other, sideLabel } from '../DiffContext';
import { envComparable } from '../envComparable';
import { isVolatileEnvName } from '../volatileFacts';

/** A value is never shown: only whether it is set and whether the hashes differ. */
const SET = 'set';
const DIFFERS = 'another value';

/**
 * Variables missing on one side, and set on both with another value — decided by hash only, and only when
 * both snapshots hashed with the same key. Required ones (config, .env / .env.example keys) are errors.
 */
export function diffEnv(context: DiffContext): Draft[] {
    const a = context.from.env;
    const b = context.to.env;
    const comparable = envComparable(context.from, context.to);
    if (!comparable) {
        context.unknown.push({
            facet: 'env',
            side: 'both',
            why: 'the snapshots hash values with different keys, so only presence is compared',
        });
    }
    const has = (env: Readonly<Record<string, EnvVarFact>>, name: string): EnvVarFact | undefined =>
        Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    const names = new Set([...Object.keys(a), ...Object.keys(b), ...context.requiredEnv]);
    const drafts: Draft[] = [];
    for (const name of names) {
        if (isVolatileEnvName(name)) {
            continue;
        }
        const x = has(a, name);
        const y = has(b, name);
        const required = context.requiredEnv.has(name);
        const secret = isSecretName(name) || x?.secret === true || y?.secret === true ? { secret: true } : {};
        if (x && y) {
            if (!comparable) {
                continue;
            }
            if (x.sha256 === '' || y.sha256 === '') {
                context.unknown.push({
                    facet: 'env',
                    key: name,
                    side: x.sha256 === '' && y.sha256 === '' ? 'both' : x.sha256 === '' ? 'from' : 'to',
                    why: 'the value could not be hashed',
                });
            } else if (x.sha256 !== y.sha256) {
                drafts.push({
                    facet: 'env',
                    key: name,
                    from: SET,
                    to: DIFFERS,
                    rule: 'env.value',
                    ...secret,
                    message: `${name} is set on both sides with another value.`,
                    ...fixes(context, name, null, [x, y]),
                });
            }
            continue;
        }
        if (!x && !y) {
            drafts.push({
                facet: 'env',
                key: name,
                from: null,
                to: null,
                rule: 'env.required-missing',
                ...secret,
                message: `${name} is required but set on neither side.`,
                ...fixes(context, name, 'to', []),
            });
            continue;
        }
        const missing: Side = x ? 'to' : 'from';
        const rule = required
            ? 'env.required-missing'
            : missing === 'from'
              ? 'env.added'
              : hostShell(context)
                ? 'env.host-only'
                : 'env.missing';
        drafts.push({
            facet: 'env',
            key: name,
            from: x ? SET : null,
            to: y ? SET : null,
            ...secret,
            rule,
            message: `${name} is set on ${sideLabel(context, other(missing))} but not on ${sideLabel(context, missing)}${required ? ', and the project requires it' : ''}.`,
            // A shell's own variable is not the app's: no edit of the project is suggested for it.
            ...(rule === 'env.host-only'
                ? {}
                : fixes(
                      context,
                      name,
                      missing,
                      [x ?? y].filter((fact): fact is EnvVarFact => fact !== undefined),
                  )),
        });
    }
    return drafts;
}

/**
 * A host's environment is a developer's shell: dozens of variables of the desktop, the tools and the company
 * that no image or server carries. Missing on the other side, only those the project declares can matter.
 */
function hostShell(context: DiffContext): boolean {
    return context.from.meta.source.kind === 'host';
}

/** Where the variable is declared (.env line, Dockerfile ENV) and, for a missing one, where to set it. */
function fixes(
    context: DiffContext,
    name: string,
    missing: Side | null,
    facts: readonly EnvVarFact[],
): { fix?: FindingFix[] } {
    const found: FindingFix[] = [];
    const declared = context.envDeclarations.get(name);
    const dockerfile = context.dockerfile;
    const envLine = dockerfile?.env.get(name);
    const secret = isSecretName(name) || facts.some((fact) => fact.secret);
    if (dockerfile && context.imageSide && envLine !== undefined) {
        found.push({
            description: `${name} is set by ENV in ${dockerfile.file}; change it there.`,
            side: context.imageSide,
            at: { file: dockerfile.file, line: envLine },
        });
    } else if (dockerfile?.from && context.imageSide !== null && context.imageSide === missing) {
        found.push({
            description: secret
                ? `Give ${name} to the container at run time (a secret must not be baked into the image with ENV).`
                : `Add ENV ${name}=… after line ${dockerfile.from.line} of ${dockerfile.file}, or set it where the container runs.`,
            side: context.imageSide,
            at: { file: dockerfile.file, line: dockerfile.from.line },
        });
    }
    if (declared) {
        found.push({
            description: `${name} is declared at ${declared.file}:${declared.line}; set it ${missing ? `on ${sideLabel(context, missing)}` : 'to the same value on both sides'}.`,
            side: missing ?? 'to',
            at: { file: declared.file, line: declared.line },
        });
    }
    return found.length > 0 ? { fix: found } : {};
}
