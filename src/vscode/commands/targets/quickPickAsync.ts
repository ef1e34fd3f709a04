import * as vscode from 'vscode';

export interface AsyncPickItem<T> extends vscode.QuickPickItem {
    readonly value?: T;
}

export interface AsyncPickOptions<T> {
    readonly title: string;
    readonly placeholder: string;
    /** Shown at once. */
    readonly items?: readonly AsyncPickItem<T>[];
    /** Joins the list when it arrives (the pick is busy meanwhile); a failure is shown as a row, not thrown. */
    readonly more?: (signal: AbortSignal) => Promise<readonly AsyncPickItem<T>[]>;
    /** An item made from what the user types (e.g. an engine address), shown first while it applies. */
    readonly typed?: (text: string) => AsyncPickItem<T> | undefined;
}

/**
 * One step of a multi-step pick: the items known at once, then those an engine lists as they arrive — the
 * pick never waits for a slow engine before showing. Undefined when dismissed; the engine request is
 * cancelled when the pick closes.
 */
export async function quickPickAsync<T>(options: AsyncPickOptions<T>): Promise<T | undefined> {
    const pick = vscode.window.createQuickPick<AsyncPickItem<T>>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.ignoreFocusOut = true;
    const controller = new AbortController();
    let listed: readonly AsyncPickItem<T>[] = options.items ?? [];
    const update = (): void => {
        const typed = options.typed?.(pick.value.trim());
        // alwaysShow: the typed entry must not be filtered away by the very text that made it.
        pick.items = typed ? [{ ...typed, alwaysShow: true }, ...listed] : listed;
    };
    update();
    if (options.more) {
        pick.busy = true;
        options
            .more(controller.signal)
            .then(
                (items) => {
                    listed = [...listed, ...items];
                },
                (error: unknown) => {
                    listed = [
                        ...listed,
                        {
                            label: `$(warning) ${error instanceof Error ? error.message : String(error)}`,
                            alwaysShow: true,
                        },
                    ];
                },
            )
            .finally(() => {
                pick.busy = false;
                update();
            });
    }
    const subscriptions = [pick.onDidChangeValue(update)];
    try {
        return await new Promise<T | undefined>((resolve) => {
            subscriptions.push(
                pick.onDidAccept(() => {
                    const chosen = pick.selectedItems[0];
                    if (chosen?.value !== undefined) {
                        resolve(chosen.value);
                        pick.hide();
                    }
                }),
                pick.onDidHide(() => resolve(undefined)),
            );
            pick.show();
        });
    } finally {
        controller.abort();
        for (const subscription of subscriptions) {
            subscription.dispose();
        }
        pick.dispose();
    }
}
