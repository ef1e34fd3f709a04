import { DIFF_RULE_TABLE } from '../diff/DIFF_RULE_TABLE';
import type { Snapshot } from '../snapshot/Snapshot';
import { baseImageRuntime } from './baseImageRuntime';
import type { DockerfileCheckContext } from './DockerfileCheckContext';
import type { ModelInstruction } from './DockerfileModel';
import type { DocumentProblem, Span } from './DockerfileProblem';

/** What the target sets for the variables the image should agree on; null when the target leaves it unset. */
export function targetValueOf(name: 'TZ' | 'LANG', target: Snapshot): string | null {
    return name === 'TZ' ? (target.timezone.tzVar ?? target.timezone.name) : (target.locale.vars.LANG ?? null);
}

/** ENV values are written with or without quotes; compare what the shell would see. */
export function unquote(value: string | null): string | null {
    return value === null ? null : value.replace(/^(["'])(.*)\1$/s, '$2');
}

/**
 * The final stage against how the app runs: ENV TZ / LANG vs the target's, EXPOSE vs the port the app
 * listens on, and a USER other than root.
 */
export function checkRuntimeSettings(context: DockerfileCheckContext): DocumentProblem[] {
    const { model } = context;
    const final = model.froms[model.finalStage];
    if (!final) {
        return [];
    }
    const inFinal = model.instructions.filter((instruction) => instruction.stage === model.finalStage);
    return [
        ...envProblems(context),
        ...exposeProblems(context, inFinal, final.span),
        ...userProblems(context, inFinal, final.span),
    ];
}

function envProblems(context: DockerfileCheckContext): DocumentProblem[] {
    const { model, target } = context;
    if (!target) {
        return [];
    }
    const problems: DocumentProblem[] = [];
    for (const name of ['TZ', 'LANG'] as const) {
        const wanted = targetValueOf(name, target);
        const rule = name === 'TZ' ? 'timezone.name' : 'locale.effective';
        const facet = name === 'TZ' ? 'timezone' : 'locale';
        const env = model.envs
            .filter((candidate) => candidate.name === name && candidate.stage === model.finalStage)
            .at(-1);
        if (env && wanted !== null && unquote(env.value) !== wanted) {
            problems.push({
                code: 'parity.env-target',
                severity: DIFF_RULE_TABLE[rule].severity,
                rule,
                facet,
                key: name,
                span: env.span,
                message: `ENV ${name}=${unquote(env.value) ?? ''} differs from the target (${target.meta.source.ref}), which has ${name}=${wanted}.`,
                fixes: [
                    {
                        title: `Set ${name}=${wanted} as on the target`,
                        changes: [{ span: env.span, newText: `${name}=${quoteIfNeeded(wanted)}` }],
                        preferred: true,
                    },
                ],
            });
            continue;
        }
        // Only a variable the target really sets is worth adding (a zone name read from /etc/localtime is not one).
        const explicit = name === 'TZ' ? target.timezone.tzVar : (target.locale.vars.LANG ?? null);
        if (!env && explicit !== null) {
            const at = insertAfter(context, model.froms[model.finalStage]?.span);
            problems.push({
                code: 'parity.env-target',
                severity: 'info',
                rule,
                facet,
                key: name,
                span: model.froms[model.finalStage]?.span ?? at,
                message: `The target (${target.meta.source.ref}) sets ${name}=${explicit}; this image does not set ${name}.`,
                fixes: [
                    {
                        title: `Add ENV ${name}=${explicit}`,
                        changes: [{ span: at, newText: lineAt(at, `ENV ${name}=${quoteIfNeeded(explicit)}`) }],
                    },
                ],
            });
        }
    }
    return problems;
}

function exposeProblems(
    context: DockerfileCheckContext,
    inFinal: readonly ModelInstruction[],
    fromSpan: Span,
): DocumentProblem[] {
    const ports = context.local?.app?.ports ?? [];
    if (ports.length === 0) {
        return [];
    }
    const detected = ports.map((port) => port.value);
    const exposes = inFinal.filter((instruction) => instruction.keyword === 'EXPOSE');
    const exposed = exposes.flatMap((instruction) =>
        instruction.words.map((word) => Number(/^(\d+)/.exec(word.text)?.[1])),
    );
    if (detected.some((port) => exposed.includes(port))) {
        return [];
    }
    const port = detected[0] ?? 0;
    const how = ports[0]?.how ?? '';
    const last = exposes.at(-1);
    if (last) {
        return [
            {
                code: 'parity.expose',
                severity: DIFF_RULE_TABLE['app.port'].severity,
                rule: 'app.port',
                facet: 'app',
                key: 'port',
                span: last.span,
                message: `EXPOSE ${last.words.map((word) => word.text).join(' ')}, but the app listens on ${detected.join(', ')} (${how}).`,
                fixes: [
                    {
                        title: `EXPOSE ${port}`,
                        changes: [{ span: last.span, newText: `EXPOSE ${port}` }],
                        preferred: true,
                    },
                ],
            },
        ];
    }
    const at = insertBeforeStart(context, inFinal);
    return [
        {
            code: 'parity.expose',
            severity: 'info',
            rule: 'app.port',
            facet: 'app',
            key: 'port',
            span: fromSpan,
            message: `The app listens on ${detected.join(', ')} (${how}), but the image does not EXPOSE it.`,
            fixes: [{ title: `Add EXPOSE ${port}`, changes: [{ span: at, newText: lineAt(at, `EXPOSE ${port}`) }] }],
        },
    ];
}

function userProblems(
    context: DockerfileCheckContext,
    inFinal: readonly ModelInstruction[],
    fromSpan: Span,
): DocumentProblem[] {
    const user = inFinal.filter((instruction) => instruction.keyword === 'USER').at(-1);
    const name = user?.words[0]?.text.split(':')[0];
    if (user && name !== 'root' && name !== '0') {
        return [];
    }
    const image = context.model.froms[context.model.finalStage]?.image?.text ?? '';
    const nonRoot = baseImageRuntime(image)?.runtime === 'node' ? 'node' : 'nobody';
    const at = insertBeforeStart(context, inFinal);
    return [
        {
            code: 'parity.user-root',
            severity: DIFF_RULE_TABLE['user.root'].severity,
            rule: 'user.root',
            facet: 'user',
            key: 'root',
            span: user?.span ?? fromSpan,
            message: user
                ? `USER ${user.words[0]?.text ?? ''} runs the app as root: a bug becomes a root compromise, and files it writes belong to root.`
                : 'This image runs the app as root (no USER in the final stage): a bug becomes a root compromise, and files it writes belong to root.',
            fixes: [
                user
                    ? {
                          title: `Run as ${nonRoot}`,
                          changes: [{ span: user.span, newText: `USER ${nonRoot}` }],
                          preferred: true,
                      }
                    : {
                          title: `Add USER ${nonRoot}`,
                          changes: [{ span: at, newText: lineAt(at, `USER ${nonRoot}`) }],
                          preferred: true,
                      },
            ],
        },
    ];
}

/** Where a new line goes in the final stage: before its CMD / ENTRYPOINT, else at the end of the file. */
function insertBeforeStart(context: DockerfileCheckContext, inFinal: readonly ModelInstruction[]): Span {
    const start = inFinal.find((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT');
    if (start) {
        return {
            start: { line: start.span.start.line, character: 0 },
            end: { line: start.span.start.line, character: 0 },
        };
    }
    return endOf(context.text);
}

function insertAfter(context: DockerfileCheckContext, span: Span | undefined): Span {
    const line = span ? span.end.line + 1 : 0;
    return line >= context.model.lineCount
        ? endOf(context.text)
        : { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The end of the text, after a line break (so an inserted line is a line of its own). */
function endOf(text: string): Span {
    const lines = text.split('\n');
    const last = lines.length - 1;
    const position = { line: last, character: lines[last]?.length ?? 0 };
    return { start: position, end: position };
}

/** A whole new line at `span`: at a line's start it ends with a break, at the end of a last line without one it starts with one. */
function lineAt(span: Span, content: string): string {
    return span.start.character === 0 ? `${content}\n` : `\n${content}`;
}

function quoteIfNeeded(value: string): string {
    return /^[\w./:@+-]+$/.test(value) ? value : JSON.stringify(value);
}
