import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MenuItem {
    readonly command: string;
    readonly when?: string;
    readonly group?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, MenuItem[]> };
};

/**
 * The `viewItem =~ /…/` regexes package.json gives a command in a view's context menu (every entry: the
 * menu and inline actions), so tests check the contextValues against what VS Code will really match.
 */
export function viewItemRegexes(view: string, command: string): RegExp[] {
    return (manifest.contributes.menus['view/item/context'] ?? [])
        .filter((item) => item.command === command && item.when?.includes(`view == ${view}`))
        .map((item) => {
            const match = /viewItem =~ \/(.+)\/$/.exec(item.when ?? '');
            if (!match?.[1]) {
                throw new Error(`${command} in ${view}: no viewItem regex in "${item.when ?? ''}"`);
            }
            return new RegExp(match[1]);
        });
}

/** Whether VS Code shows `command` on an item with this contextValue (any of its menu entries). */
export function showsOn(view: string, command: string, contextValue: string): boolean {
    const regexes = viewItemRegexes(view, command);
    if (regexes.length === 0) {
        throw new Error(`${command} has no context menu entry in ${view}`);
    }
    return regexes.some((regex) => regex.test(contextValue));
}
