import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A project folder and, beside it, a folder the project must never reach (or where a test's markers land),
 * both under a temp path with a space in it, as a clone may have.
 */
export function projectBeside(prefix: string, beside = 'outside'): { base: string; project: string; outside: string } {
    const base = mkdtempSync(join(tmpdir(), `parity ${prefix} `));
    const project = join(base, 'project');
    const outside = join(base, beside);
    mkdirSync(project);
    mkdirSync(outside);
    return { base, project, outside };
}
