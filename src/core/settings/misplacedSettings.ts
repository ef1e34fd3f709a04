import { parse } from 'jsonc-parser';

/** A setting's scope as package.json declares it (VS Code's names). */
export type SettingScope =
    | 'application'
    | 'machine'
    | 'machine-overridable'
    | 'window'
    | 'resource'
    | 'language-overridable';

/** Where a value was found: the user's settings, the workspace's (or a .code-workspace file), a folder's .vscode/settings.json. */
export type SettingPlace = 'user' | 'workspace' | 'folder';

export interface FoundSetting {
    readonly key: string;
    readonly scope: SettingScope;
    readonly place: SettingPlace;
}

/** A value VS Code ignores where it is, and where to set it instead. */
export interface MisplacedSetting extends FoundSetting {
    /** user: the user's (local) settings · remote: the remote's settings, on the machine the window is connected to. */
    readonly setIn: 'user' | 'remote';
}

/**
 * The values VS Code ignores at the place they were set (its scope rules): an application setting counts only
 * in the user's settings; a machine setting only in the user's settings of a local window, or in the remote's
 * settings of a remote window; a machine-overridable one also in workspace settings, but in a remote window
 * not in the local user's. The rest count everywhere. One entry per key and place.
 */
export function misplacedSettings(found: readonly FoundSetting[], remote: boolean): MisplacedSetting[] {
    const seen = new Set<string>();
    const misplaced: MisplacedSetting[] = [];
    for (const setting of found) {
        const id = `${setting.key}\u0000${setting.place}`;
        const setIn = whereInstead(setting, remote);
        if (setIn === undefined || seen.has(id)) {
            continue;
        }
        seen.add(id);
        misplaced.push({ ...setting, setIn });
    }
    return misplaced;
}

function whereInstead({ scope, place }: FoundSetting, remote: boolean): MisplacedSetting['setIn'] | undefined {
    const inWorkspace = place !== 'user';
    switch (scope) {
        case 'application':
            return inWorkspace ? 'user' : undefined;
        case 'machine':
            return inWorkspace || remote ? (remote ? 'remote' : 'user') : undefined;
        case 'machine-overridable':
            return !inWorkspace && remote ? 'remote' : undefined;
        default:
            return undefined;
    }
}

/**
 * The `prefix.*` keys set in a settings file's text (JSON with comments): top-level keys of settings.json,
 * or of the `settings` object of a .code-workspace file. Unreadable text has none.
 */
export function settingKeysIn(text: string, prefix: string, workspaceFile = false): string[] {
    const value: unknown = parse(text, [], { allowTrailingComma: true });
    const settings: unknown = workspaceFile && isObject(value) ? value.settings : value;
    return isObject(settings) ? Object.keys(settings).filter((key) => key.startsWith(prefix)) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
