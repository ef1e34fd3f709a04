import * as vscode from 'vscode';
import { partitionLabels } from '../../core/images/parityLabels';

/** Appends a tooltip's label section: Parity's own labels first and in bold, then the others. */
export function labelsMarkdown(
    md: vscode.MarkdownString,
    labels: Readonly<Record<string, string>>,
): vscode.MarkdownString {
    const { parity, other } = partitionLabels(labels);
    if (parity.length + other.length === 0) {
        return md;
    }
    md.appendMarkdown(`\n\n---\n\n**${vscode.l10n.t('Labels')}**\n\n`);
    for (const [key, value] of parity) {
        md.appendMarkdown('$(star-full) **')
            .appendText(key)
            .appendMarkdown('** = ')
            .appendText(value)
            .appendMarkdown('  \n');
    }
    for (const [key, value] of other) {
        md.appendText(`${key} = ${value}`).appendMarkdown('  \n');
    }
    return md;
}
