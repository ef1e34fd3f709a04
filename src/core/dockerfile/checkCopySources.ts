import { DockerignoreError, DockerignoreMatcher, parseDockerignore } from '../build/dockerignore';
import type { DockerfileCheckContext } from './DockerfileCheckContext';
import type { DocumentProblem } from './DockerfileProblem';

/** File names that hold credentials: .env files (not their examples), private keys, cloud and registry credentials. */
const SECRET_FILE =
    /^(?:\.env(?:\..+)?|.*\.(?:pem|key|p12|pfx|jks|keystore)|id_(?:rsa|dsa|ecdsa|ed25519)|credentials(?:\.json)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|service-account.*\.json)$/i;
const NOT_SECRET = /\.(?:example|sample|template|dist|defaults)$/i;
/** What must stay out of an image built from the whole folder: dependencies built for the host, history, secrets. */
export const REQUIRED_DOCKERIGNORE = ['node_modules', '.git', '.env'] as const;

/**
 * COPY / ADD of secret files into the image, and of the whole build context while `.dockerignore` lets
 * node_modules, .git or .env in. Copies from another stage (`--from`) do not read the context.
 */
export function checkCopySources(context: DockerfileCheckContext): DocumentProblem[] {
    const problems: DocumentProblem[] = [];
    const copies = context.model.instructions.filter(
        (instruction) =>
            (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.flags.from === undefined,
    );
    let wholeContext: (typeof copies)[number]['words'][number] | undefined;
    for (const copy of copies) {
        const sources = copy.words.slice(0, -1);
        if (sources.some((word) => word.text.startsWith('<<') || word.text.startsWith('['))) {
            continue;
        }
        for (const source of sources) {
            const name = source.text.replace(/\/+$/, '').split('/').at(-1) ?? '';
            if (SECRET_FILE.test(name) && !NOT_SECRET.test(name)) {
                problems.push({
                    code: 'parity.copy-secret',
                    severity: 'error',
                    facet: 'dockerfile',
                    key: `copy-secret:${source.text}`,
                    span: source.span,
                    fixes: [],
                    message: `${copy.keyword} ${source.text} puts a secret file into the image, where anyone who can pull it can read it. Pass it at run time (env, a secret mount) instead.`,
                });
            }
            if (/^(?:\.|\.\/|\*|\.\/\*)$/.test(source.text)) {
                wholeContext ??= source;
            }
        }
    }
    if (wholeContext && context.dockerignore !== undefined) {
        const missing = missingIgnores(context.dockerignore);
        if (missing.length > 0) {
            problems.push({
                code: 'parity.dockerignore',
                severity: 'warning',
                facet: 'dockerfile',
                key: 'dockerignore',
                span: wholeContext.span,
                message:
                    context.dockerignore === null
                        ? `This copies the whole folder, and there is no .dockerignore: ${missing.join(', ')} go into the image (host-built dependencies, history, secrets).`
                        : `This copies the whole folder, and .dockerignore lets ${missing.join(', ')} in (host-built dependencies, history, secrets).`,
                fixes: [
                    {
                        title: `Add ${missing.join(', ')} to .dockerignore`,
                        changes: [],
                        dockerignoreEntries: missing,
                        preferred: true,
                    },
                ],
            });
        }
    }
    return problems;
}

/** Which of the required entries `.dockerignore` does not keep out (all of them when there is none). */
export function missingIgnores(dockerignore: string | null): string[] {
    if (dockerignore === null) {
        return [...REQUIRED_DOCKERIGNORE];
    }
    try {
        const matcher = new DockerignoreMatcher(parseDockerignore(dockerignore));
        return REQUIRED_DOCKERIGNORE.filter((path) => !matcher.matches(path));
    } catch (error) {
        if (error instanceof DockerignoreError) {
            return [];
        }
        throw error;
    }
}
