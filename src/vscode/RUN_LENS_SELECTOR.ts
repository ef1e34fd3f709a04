import type * as vscode from 'vscode';

/** The documents that can carry a Run in Sandbox lens. */
export const RUN_LENS_SELECTOR: vscode.DocumentSelector = [
    { pattern: '**/package.json' },
    { language: 'dockerfile' },
    { language: 'procfile' },
    { pattern: '**/Procfile' },
    { language: 'python' },
    { language: 'go' },
];
