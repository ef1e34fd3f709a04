import type { DiffReport } from '../DiffReport';
import { renderDiffJson } from './renderDiffJson';
import { renderDiffMarkdown } from './renderDiffMarkdown';
import { renderDiffSarif, type SarifOptions } from './renderDiffSarif';
import { renderDiffText } from './renderDiffText';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export type RenderOptions = SarifOptions;

/** A report in one of `parity diff --format`'s formats; every front end (CLI, VS Code) renders through this. */
export function renderDiffReport(report: DiffReport, format: DiffFormat, options: RenderOptions = {}): string {
    switch (format) {
        case 'text':
            return renderDiffText(report);
        case 'json':
            return renderDiffJson(report);
        case 'markdown':
            return renderDiffMarkdown(report);
        case 'sarif':
            return renderDiffSarif(report, options);
    }
}
