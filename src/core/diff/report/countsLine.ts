import type { DiffReport } from '../DiffReport';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 errors · 1 warning · 5 info · 0 ignored · 1 unknown": the same words in every human format. */
export function countsLine(report: DiffReport): string {
    return [
        plural(report.counts.error, 'error'), plural(report.counts.warning, 'warning'), `${report.counts.info} info`,
        `${report.ignored} ignored`, `${report.unknown.length} unknown`,
    ].join(' · ');
}
