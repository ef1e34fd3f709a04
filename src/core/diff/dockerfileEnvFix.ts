import type { FindingFix } from '../findings/Finding';
import { type DiffContext, sideOf } from './DiffContext';

/**
 * A fix that makes the image side set `name` to the other side's `value`: the ENV line that sets it,
 * rewritten, or a line to add after the stage's FROM. None without a project Dockerfile.
 */
export function dockerfileEnvFix(context: DiffContext, name: string, value: string): FindingFix[] {
    const dockerfile = context.dockerfile;
    const side = context.imageSide;
    if (!dockerfile || !side) {
        return [];
    }
    const line = dockerfile.env.get(name);
    if (line !== undefined) {
        const text = dockerfile.lines[line - 1] ?? '';
        // Only a one-variable ENV line is rewritten whole; others would lose their other variables.
        const single = /^\s*ENV\s+[^\s=]+(\s*=\s*|\s+)\S*\s*$/i.test(text);
        if (single && text.trim() === `ENV ${name}=${value}`) {
            // The file already says so: the other value comes from where the container runs, or from an older build.
            const where =
                sideOf(context, side).meta.source.kind === 'container'
                    ? "the running container gets another value where it is started (docker run -e, compose, the orchestrator's environment): change it there"
                    : 'the image was built from another version of the file: rebuild it';
            return [
                {
                    description: `${dockerfile.file}:${line} already sets ${name}=${value}; ${where}.`,
                    side,
                    at: { file: dockerfile.file, line },
                },
            ];
        }
        return [
            {
                description: `Set ${name}=${value} in ${dockerfile.file}.`,
                side,
                at: { file: dockerfile.file, line },
                ...(single ? { replaceLineWith: `ENV ${name}=${value}` } : {}),
            },
        ];
    }
    return dockerfile.from
        ? [
              {
                  description: `Add ENV ${name}=${value} after line ${dockerfile.from.line} of ${dockerfile.file}.`,
                  side,
                  at: { file: dockerfile.file, line: dockerfile.from.line },
              },
          ]
        : [];
}
