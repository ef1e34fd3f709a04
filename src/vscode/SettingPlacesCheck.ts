import * as vscode from 'vscode';
import {
    type FoundSetting,
    type MisplacedSetting,
    misplacedSettings,
    type SettingScope,
    settingKeysIn,
} from '../core/settings/misplacedSettings';

/** Settings files are small; anything larger is not read. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Points out a Parity setting set where VS Code ignores it — a machine-scoped `parity.docker.host` in the
 * user settings of a remote window, or in workspace settings — with where to set it and an Open Settings
 * button, once per setting and place in a window. VS Code drops such values before an extension sees them,
 * so `inspect()` alone cannot tell: the workspace's settings files are read too, and in a remote window the
 * user settings file when it lives on the extension's host (code-server, VS Code's serve-web).
 */
export class SettingPlacesCheck implements vscode.Disposable {
    private readonly told = new Set<string>();
    private readonly subscription: vscode.Disposable;

    constructor(
        private readonly scopes: ReadonlyMap<string, SettingScope>,
        private readonly userSettings: vscode.Uri | undefined,
    ) {
        this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
            if (event.affectsConfiguration('parity')) {
                void this.check();
            }
        });
    }

    /** The scopes of Parity's settings from the extension's package.json. */
    static scopesOf(packageJSON: unknown): Map<string, SettingScope> {
        const properties =
            (
                packageJSON as {
                    contributes?: { configuration?: { properties?: Record<string, { scope?: SettingScope }> } };
                }
            ).contributes?.configuration?.properties ?? {};
        return new Map(Object.entries(properties).map(([key, schema]) => [key, schema.scope ?? 'window']));
    }

    /** Looks once and warns about what is new; resolves with what is misplaced now. Never rejects. */
    async check(): Promise<MisplacedSetting[]> {
        const remote = vscode.env.remoteName !== undefined;
        const found = [...this.fromInspect(), ...(await this.fromFiles(remote))];
        const misplaced = misplacedSettings(found, remote);
        for (const setting of misplaced) {
            const id = `${setting.key}@${setting.place}`;
            if (!this.told.has(id)) {
                this.told.add(id);
                void this.warn(setting);
            }
        }
        return misplaced;
    }

    dispose(): void {
        this.subscription.dispose();
    }

    /**
     * Workspace and folder values VS Code reports. Not the user's: in a remote window `globalValue` is the
     * remote's own settings (valid there) merged with the local ones VS Code kept, so it cannot say where a
     * value came from.
     */
    private fromInspect(): FoundSetting[] {
        const config = vscode.workspace.getConfiguration();
        return [...this.scopes].flatMap(([key, scope]): FoundSetting[] => {
            const value = config.inspect(key);
            return [
                ...(value?.workspaceValue !== undefined ? [{ key, scope, place: 'workspace' as const }] : []),
                ...(value?.workspaceFolderValue !== undefined ? [{ key, scope, place: 'folder' as const }] : []),
            ];
        });
    }

    private async fromFiles(remote: boolean): Promise<FoundSetting[]> {
        const folders = vscode.workspace.workspaceFolders ?? [];
        const workspaceFile =
            vscode.workspace.workspaceFile?.scheme === 'file' ? vscode.workspace.workspaceFile : undefined;
        const files: { uri: vscode.Uri; place: FoundSetting['place']; workspaceFile?: true }[] = [
            // With a .code-workspace file a folder's settings.json is folder settings; without, it is the workspace's.
            ...folders.map((folder) => ({
                uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'),
                place: workspaceFile ? ('folder' as const) : ('workspace' as const),
            })),
            ...(workspaceFile
                ? [{ uri: workspaceFile, place: 'workspace' as const, workspaceFile: true as const }]
                : []),
            ...(remote && this.userSettings ? [{ uri: this.userSettings, place: 'user' as const }] : []),
        ];
        const read = await Promise.all(
            files.map(async (file) => {
                const text = await readSmall(file.uri);
                return text === undefined
                    ? []
                    : settingKeysIn(text, 'parity.', file.workspaceFile).flatMap((key): FoundSetting[] => {
                          const scope = this.scopes.get(key);
                          return scope ? [{ key, scope, place: file.place }] : [];
                      });
            }),
        );
        return read.flat();
    }

    private async warn(setting: MisplacedSetting): Promise<void> {
        const where = {
            user: vscode.l10n.t('your user settings'),
            workspace: vscode.l10n.t('the workspace settings'),
            folder: vscode.l10n.t("a folder's settings"),
        }[setting.place];
        const message =
            setting.setIn === 'remote'
                ? vscode.l10n.t(
                      'Parity: {0} is set in {1}, where this remote window ignores it ({2} setting). Set it in the Remote settings, on the machine the window is connected to.',
                      setting.key,
                      where,
                      setting.scope,
                  )
                : vscode.l10n.t(
                      'Parity: {0} is set in {1}, where VS Code ignores it ({2} setting). Set it in your user settings.',
                      setting.key,
                      where,
                      setting.scope,
                  );
        const open = vscode.l10n.t('Open Settings');
        if ((await vscode.window.showWarningMessage(message, open)) === open) {
            await vscode.commands.executeCommand(
                setting.setIn === 'remote' ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings',
                ...(setting.setIn === 'remote' ? [] : [setting.key]),
            );
        }
    }
}

async function readSmall(uri: vscode.Uri): Promise<string | undefined> {
    try {
        if ((await vscode.workspace.fs.stat(uri)).size > MAX_SETTINGS_BYTES) {
            return undefined;
        }
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
        return undefined;
    }
}
