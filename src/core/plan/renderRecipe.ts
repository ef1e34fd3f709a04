import type { Plan, Recipe, RenderOptions } from './Plan';
import { renderDockerignore } from './renderDockerignore';
import { renderGeneric } from './renderGeneric';
import { renderGo } from './renderGo';
import { renderJava } from './renderJava';
import { renderNode } from './renderNode';
import { renderPython } from './renderPython';
import { renderRuby } from './renderRuby';

/**
 * The Dockerfile and .dockerignore for a plan. Never a `# syntax=` line: it would make BuildKit pull its
 * frontend from Docker Hub, and the engine's built-in frontend already knows `RUN --mount`.
 */
export function renderRecipe(plan: Plan, options: RenderOptions): Recipe {
    const lines =
        plan.ecosystem === 'node'
            ? renderNode(plan, options)
            : plan.ecosystem === 'python'
              ? renderPython(plan, options)
              : plan.ecosystem === 'go'
                ? renderGo(plan, options)
                : plan.ecosystem === 'ruby'
                  ? renderRuby(plan, options)
                  : plan.ecosystem === 'java'
                    ? renderJava(plan, options)
                    : renderGeneric(plan, options);
    return { dockerfile: `${lines.join('\n')}\n`, dockerignore: renderDockerignore(plan, options) };
}
