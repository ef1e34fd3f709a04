import * as vscode from 'vscode';
import type { CountWords } from './diff/CountWords';

// Every count a person reads goes through here: a separate string for one and for many, so a translation
// can say each the way its language does ("1 finding", "2 findings").

export const L10N_COUNTS: CountWords = {
    error: (n) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n)),
    warning: (n) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n)),
    info: (n) => (n === 1 ? vscode.l10n.t('1 info') : vscode.l10n.t('{0} info', n)),
    byDesign: (n) => (n === 1 ? vscode.l10n.t('1 by design') : vscode.l10n.t('{0} by design', n)),
    ignored: (n) => (n === 1 ? vscode.l10n.t('1 ignored') : vscode.l10n.t('{0} ignored', n)),
    unknown: (n) => (n === 1 ? vscode.l10n.t('1 unknown') : vscode.l10n.t('{0} unknown', n)),
    noDifferences: vscode.l10n.t('no differences'),
};

export function findingsCount(n: number): string {
    return n === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', n);
}
