import * as vscode from 'vscode';
import type { RecipeFile } from '../../../core/recipe/writeRecipe';
import type { ProposedContent } from '../../ProposedContent';

export interface RecipeChoices {
    readonly replace: Set<RecipeFile['name']>;
    readonly keep: Set<RecipeFile['name']>;
}

/**
 * For each file the user owns, shows a diff of theirs against Parity's proposal and asks: replace it, keep
 * it (and build it as it is), or stop. Undefined means stop — nothing gets written.
 */
export async function confirmRecipe(
    files: readonly RecipeFile[],
    proposed: ProposedContent,
): Promise<RecipeChoices | undefined> {
    const choices: RecipeChoices = { replace: new Set(), keep: new Set() };
    for (const file of files.filter((candidate) => candidate.status === 'user')) {
        const current = vscode.Uri.file(file.path);
        await vscode.commands.executeCommand(
            'vscode.diff',
            current,
            proposed.set(current, file.proposed),
            vscode.l10n.t("{0}: yours ↔ Parity's proposal", file.name),
            { preview: true },
        );
        const replace = vscode.l10n.t('Replace {0}', file.name);
        const keep = vscode.l10n.t('Keep Mine');
        const answer = await vscode.window.showWarningMessage(
            vscode.l10n.t(
                "{0} already exists and was not written by Parity (or was changed since). Replace it with Parity's proposal?",
                file.name,
            ),
            {
                modal: true,
                detail: vscode.l10n.t('The diff shows both. "Keep Mine" leaves your file as it is and builds with it.'),
            },
            replace,
            keep,
        );
        if (answer === replace) {
            choices.replace.add(file.name);
        } else if (answer === keep) {
            choices.keep.add(file.name);
        } else {
            return undefined;
        }
    }
    return choices;
}
