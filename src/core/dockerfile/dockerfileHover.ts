import { formatAge } from '../formatAge';
import { isSecretName } from '../snapshot/isSecretName';
import type { Snapshot } from '../snapshot/Snapshot';
import { baseImageLibc, baseImageRuntime } from './baseImageRuntime';
import type { DockerfileCheckContext } from './DockerfileCheckContext';
import type { Span } from './DockerfileProblem';
import { targetValueOf, unquote } from './checkRuntimeSettings';

export interface HoverText {
    readonly markdown: string;
    readonly span: Span;
}

/**
 * What Parity knows about the FROM / ENV / USER / EXPOSE line under the cursor: the image's value as
 * written, the local one and the target's, each with when it was captured. Env values are never shown
 * except TZ and LANG (never secrets), only whether a variable is set.
 */
export function dockerfileHover(
    context: DockerfileCheckContext,
    position: { line: number; character: number },
    nowMs: number,
): HoverText | undefined {
    const instruction = context.model.instructions.find((candidate) => contains(candidate.span, position));
    if (!instruction) {
        return undefined;
    }
    const rows: [string, string, string][] = [];
    const add = (label: string, image: string, pick: (snapshot: Snapshot) => string): void => {
        rows.push([
            label,
            image,
            [context.local && `local: ${pick(context.local)}`, context.target && `target: ${pick(context.target)}`]
                .filter(Boolean)
                .join(' · '),
        ]);
    };
    switch (instruction.keyword) {
        case 'FROM': {
            const image = context.model.froms.find((from) => contains(from.span, position))?.image?.text ?? '';
            const runtime = baseImageRuntime(image);
            if (runtime) {
                add(
                    runtime.runtime,
                    runtime.version,
                    (snapshot) => snapshot.runtimes[runtime.runtime]?.installed?.version ?? 'not installed',
                );
            }
            add('libc', baseImageLibc(image) ?? 'unknown', (snapshot) => snapshot.platform.libc.family);
            add(
                'arch',
                context.model.froms.find((from) => contains(from.span, position))?.platform?.text ?? "the builder's",
                (snapshot) => snapshot.platform.arch,
            );
            break;
        }
        case 'ENV':
            for (const env of context.model.envs.filter((candidate) => contains(candidate.instructionSpan, position))) {
                const name = env.name;
                if (name === 'TZ' || name === 'LANG') {
                    add(name, unquote(env.value) ?? '', (snapshot) => targetValueOf(name, snapshot) ?? 'unset');
                } else {
                    add(name, isSecretName(name) ? 'set' : (unquote(env.value) ?? ''), (snapshot) =>
                        snapshot.env[name] ? 'set' : 'unset',
                    );
                }
            }
            break;
        case 'USER':
            add('user', instruction.words[0]?.text ?? '', (snapshot) =>
                snapshot.user ? `${snapshot.user.name ?? '?'} (uid ${snapshot.user.uid ?? '?'})` : 'unknown',
            );
            break;
        case 'EXPOSE':
            add(
                'port',
                instruction.words.map((word) => word.text).join(' '),
                (snapshot) =>
                    snapshot.app?.ports.map((port) => `${port.value} (${port.how})`).join(', ') || 'none detected',
            );
            break;
        default:
            return undefined;
    }
    return { markdown: hoverTable(rows, context, nowMs), span: instruction.span };
}

/** The rows as a Markdown table, then when each snapshot was captured. */
export function hoverTable(
    rows: readonly [string, string, string][],
    sides: { local?: Snapshot; target?: Snapshot },
    nowMs: number,
): string {
    const lines = [
        '**Parity**',
        '',
        '| | here (file) | environments |',
        '|---|---|---|',
        ...rows.map(([label, file, envs]) => `| ${label} | ${cell(file)} | ${cell(envs || 'no snapshot')} |`),
        '',
    ];
    for (const [label, snapshot] of [
        ['local', sides.local],
        ['target', sides.target],
    ] as const) {
        if (snapshot) {
            lines.push(
                `${label}: ${snapshot.meta.source.kind} ${cell(snapshot.meta.source.ref)}, captured ${formatAge(Date.parse(snapshot.meta.capturedAt), nowMs)} (${snapshot.meta.capturedAt})  `,
            );
        }
    }
    if (!sides.local) {
        lines.push(
            'No local snapshot yet: run "Parity: Snapshot Environment" or `parity snapshot --out .parity/local.snapshot.json`.',
        );
    }
    return lines.join('\n');
}

function cell(text: string): string {
    return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

export function contains(span: Span, position: { line: number; character: number }): boolean {
    const after =
        position.line > span.start.line ||
        (position.line === span.start.line && position.character >= span.start.character);
    const before =
        position.line < span.end.line || (position.line === span.end.line && position.character <= span.end.character);
    return after && before;
}
