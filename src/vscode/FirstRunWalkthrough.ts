import * as vscode from 'vscode';
import type { ProjectFolders } from './ProjectFolders';

/** `publisher.name#id`, as package.json contributes it. */
export const WALKTHROUGH_ID = 'parity.parity#gettingStarted';
/** Remembered in the user's global state: the walkthrough opens once per profile, not once per window. */
const SHOWN_KEY = 'parity.walkthrough.shown';

/**
 * Opens the Getting Started walkthrough the first time Parity finds a project in a window — unless the user
 * told VS Code not to open walkthroughs on install (`workbench.welcomePage.walkthroughs.openOnInstall`).
 * Waits for the project search; never for anything heavier.
 */
export function openWalkthroughOnce(state: vscode.Memento, projects: ProjectFolders): vscode.Disposable {
    const subscription = projects.onDidChange((folders) => {
        if (folders.length === 0 || state.get<boolean>(SHOWN_KEY) === true) {
            return;
        }
        if (
            !vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)
        ) {
            return;
        }
        subscription.dispose();
        void state.update(SHOWN_KEY, true);
        void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
    });
    return subscription;
}
