import * as vscode from 'vscode';
import { parsePort } from '../../../core/plan/parsePort';

interface PortItem extends vscode.QuickPickItem {
    readonly port: number | null;
}

/**
 * Parity found no port: asks for it before the plan is reviewed. The user types a port, or takes
 * "none — it is a worker" (the first item, so Enter on an empty box means a worker). Resolves with the
 * port, null for a worker, or undefined when dismissed (packaging stops).
 */
export async function askPort(appName: string): Promise<number | null | undefined> {
    const pick = vscode.window.createQuickPick<PortItem>();
    const worker: PortItem = {
        label: vscode.l10n.t('none — it is a worker'),
        detail: vscode.l10n.t(
            'It serves no port: the image exposes none, and Run in Sandbox runs it without waiting for an answer.',
        ),
        port: null,
    };
    pick.title = vscode.l10n.t('Parity: which port does {0} listen on?', appName);
    pick.placeholder = vscode.l10n.t(
        'Parity found no port in the app. Type the port it listens on (1-65535), or pick none for a worker',
    );
    pick.ignoreFocusOut = true;
    pick.items = [worker];
    const typed = pick.onDidChangeValue((value) => {
        const port = parsePort(value);
        pick.items =
            typeof port === 'number'
                ? [
                      {
                          label: vscode.l10n.t('Port {0}', port),
                          detail: vscode.l10n.t('EXPOSE {0}, and PORT={0} for an app that reads it.', port),
                          port,
                      },
                      worker,
                  ]
                : [worker];
    });
    try {
        return await new Promise<number | null | undefined>((resolve) => {
            pick.onDidAccept(() => {
                const [chosen] = pick.selectedItems;
                resolve(chosen ? chosen.port : undefined);
                pick.hide();
            });
            pick.onDidHide(() => resolve(undefined));
            pick.show();
        });
    } finally {
        typed.dispose();
        pick.dispose();
    }
}
