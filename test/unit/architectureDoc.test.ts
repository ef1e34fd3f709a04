import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** Folders of this repository a path in the document may start with; other text in backticks is not a path. */
const REPO_ROOTS = ['src/', 'test/', 'scripts/', 'schemas/', 'docs/', 'media/', 'syntaxes/', 'examples/', '.ci/'];

/**
 * Every backticked word of the document that names a file or folder here, as a repository path. A bare
 * `name.ts` or `folder/` names a sibling of the last full path before it in its paragraph or table row.
 */
function namedPaths(text: string): string[] {
    const paths: string[] = [];
    let base: string | undefined;
    for (const line of text.split('\n')) {
        if (line.trim() === '' || line.startsWith('|')) {
            base = undefined;
        }
        for (const [, code = ''] of line.matchAll(/`([^`]+)`/g)) {
            for (const word of code.split(/\s+/)) {
                // Patterns, URLs, and build output (dist/, out/) that only exists after a build.
                if (/[<>"*]|:\/\/|^(dist|out)\//.test(word.replace(/\/\*\*$/, ''))) {
                    continue;
                }
                const path = word.replace(/\/\*\*$/, '/');
                if (REPO_ROOTS.some((prefix) => path.startsWith(prefix))) {
                    paths.push(path);
                    base = path.endsWith('/') || !/\.\w+$/.test(path) ? path.replace(/\/?$/, '/') : `${dirname(path)}/`;
                } else if (/^[\w.-]+\.(ts|json|mjs|sh|md)$|^[\w-]+\/$/.test(path)) {
                    paths.push(base === undefined || existsSync(join(root, path)) ? path : base + path);
                }
            }
        }
    }
    return paths;
}

describe('ARCHITECTURE.md', () => {
    it('names only paths that exist', () => {
        const missing = namedPaths(doc).filter((path) => !existsSync(join(root, path)));
        assert.deepEqual(missing, [], 'ARCHITECTURE.md names files that are not there: update it');
    });

    it('has a row for every command, view and CLI command users see', () => {
        const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
            contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
        };
        const ids = [
            ...manifest.contributes.commands.map((command) => `\`${command.command}\``),
            ...Object.values(manifest.contributes.views).flatMap((views) => views.map((view) => `\`${view.id}\``)),
        ];
        const commands = readFileSync(join(root, 'src', 'cli', 'cliCommands.ts'), 'utf8');
        const table = /const COMMANDS[^{]*\{([^}]*)\}/.exec(commands)?.[1] ?? '';
        const cli = [...table.matchAll(/^\s+(\w+):/gm)].map(([, name]) => `\`${name}`);
        assert.ok(cli.length > 10, 'the CLI command table was not found in src/cli/cliCommands.ts');
        const absent = [...ids.filter((id) => !doc.includes(id)), ...cli.filter((name) => !doc.includes(name))];
        assert.deepEqual(absent, [], 'ARCHITECTURE.md has no row for these: add them');
    });
});
