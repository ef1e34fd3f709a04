import { comment, fromInstruction, runInstruction, shellQuote } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import { addUser, finalEnv, finalTail, header } from './recipeParts';

/**
 * The fallback recipe: everything Parity knows, plus the TODOs as comments and a RUN that fails with the
 * same text, placed where the install steps belong — a build never silently produces an image that cannot work.
 */
export function renderGeneric(plan: Plan, options: RenderOptions): string[] {
    const message = `${plan.todo.join(' ')} Edit this Dockerfile, then delete this line.`;
    return [
        ...header(plan, options),
        '',
        fromInstruction(plan.base.image),
        'WORKDIR /app',
        ...finalEnv(plan),
        '# TODO — fill these in (.parity/plan.json lists them too):',
        ...plan.todo.map((item) => comment(`  - ${item}`)),
        runInstruction(`echo ${shellQuote(message)} >&2 && exit 1`),
        addUser(plan),
        `COPY --chown=${plan.user} . .`,
        ...finalTail(plan),
    ];
}
