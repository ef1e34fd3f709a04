import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiffReport } from '../../../../../src/core/diff/DiffReport';
import { DIFF_FORMATS, renderDiffReport } from '../../../../../src/core/diff/report/renderDiffReport';
import {
    BY_DESIGN,
    INFORMATION,
    NO_DIFFERENCES,
    renderDiffText,
} from '../../../../../src/core/diff/report/renderDiffText';
import type { Snapshot } from '../../../../../src/core/snapshot/Snapshot';
import { agreeHost, agreeImage, agreeReport } from './agreeSample';

/** The lines of one `## Title (n)` section of a text report, without its heading. */
function section(lines: readonly string[], title: string): string[] {
    const start = lines.findIndex((line) => line.startsWith(`## ${title} (`));
    assert.ok(start >= 0, `no section ${title}`);
    const end = lines.findIndex((line, index) => index > start && line === '');
    return lines.slice(start + 1, end);
}

const SUMMARY = /^ {2,4}(\S+) ×(\d+)(?: \((.*?)\))?: (.*?)(?: … and (\d+) more)?$/u;
const COMPACT = /^ {2,4}info {4}(.*?): .* → .*? {2}\[([^\]]+)\]/u;

/**
 * How many info findings a section's lines stand for: one per finding line, n per summary line — checking on the
 * way that a finding line names its key in full and a summary line names as many keys as it says.
 */
function tally(lines: readonly string[], findings: DiffReport['findings']): number {
    let total = 0;
    for (const line of lines) {
        const summary = SUMMARY.exec(line);
        const compact = COMPACT.exec(line);
        if (summary) {
            const [, rule, count, , keys, more] = summary;
            const ofRule = findings.filter((finding) => finding.rule === rule);
            assert.ok(ofRule.length >= Number(count), line);
            assert.equal((keys ?? '').split(', ').length + Number(more ?? 0), Number(count), line);
            for (const key of (keys ?? '').split(', ')) {
                assert.ok(
                    ofRule.some((finding) => finding.key === key),
                    `${key} in ${line}`,
                );
            }
            total += Number(count);
        } else if (compact) {
            assert.ok(
                findings.some((finding) => finding.key === compact[1] && finding.rule === compact[2]),
                line,
            );
            total += 1;
        } else {
            assert.ok(/^ {2}by design \(\d+\): /u.test(line), `a line of no known kind: ${line}`);
        }
    }
    return total;
}

describe('the report of a freshly packaged example against this machine (real snapshots)', () => {
    const report = agreeReport();
    const text = renderDiffText(report);
    const lines = text.split('\n');
    const info = report.findings.filter((finding) => finding.severity === 'info');
    const byDesign = info.filter((finding) => finding.byDesign !== undefined);

    it('is the real thing: hundreds of info findings, most of them by design, no risks', () => {
        assert.equal(report.counts.error + report.counts.warning, 0);
        assert.ok(info.length > 800, `${info.length}`);
        assert.ok(byDesign.length > 780, `${byDesign.length}`);
    });

    it('reads in seconds: at most 60 lines, says nothing matters first, by-design differences apart', () => {
        assert.ok(lines.length <= 60, `${lines.length} lines:\n${text}`);
        assert.ok(
            lines.includes(
                `0 errors · 0 warnings · ${info.length} info (${byDesign.length} by design) · 0 ignored · 0 unknown`,
            ),
            text,
        );
        assert.ok(
            lines.indexOf(NO_DIFFERENCES) < lines.indexOf(`## ${INFORMATION} (${info.length - byDesign.length})`),
            text,
        );
        assert.ok(
            lines.indexOf(`## ${INFORMATION} (${info.length - byDesign.length})`) <
                lines.indexOf(`## ${BY_DESIGN} (${byDesign.length})`),
            text,
        );
        assert.ok(
            !lines.some((line) => line.startsWith('    fix ') || line.startsWith('    by design: ')),
            'no fix or message lines for info',
        );
    });

    it('loses nothing: every info finding is on a line of its own or counted in a summary of its rule', () => {
        assert.equal(tally(section(lines, INFORMATION), info), info.length - byDesign.length);
        assert.equal(tally(section(lines, BY_DESIGN), byDesign), byDesign.length);
    });

    it('names each by-design reason once, with how many findings it covers', () => {
        const reasons = new Set(byDesign.map((finding) => finding.byDesign));
        const reasonLines = section(lines, BY_DESIGN).filter((line) => line.startsWith('  by design ('));
        assert.equal(reasonLines.length, reasons.size);
        for (const reason of reasons) {
            const count = byDesign.filter((finding) => finding.byDesign === reason).length;
            assert.ok(reasonLines.includes(`  by design (${count}): ${reason}`), `${reason}\n${text}`);
        }
        assert.ok(
            text.includes(
                'packages.removed ×758 (only on the from side): adwaita-icon-theme, alsa-topology-conf, alsa-ucm-conf, appstream … and 754 more',
            ),
            text,
        );
    });

    it('prints errors and warnings in full with every fix, before the information', () => {
        const drift: Snapshot = {
            ...agreeImage,
            locale: { ...agreeImage.locale, vars: { ...agreeImage.locale.vars, LANG: 'C' }, effective: 'C' },
            runtimes: {
                node: {
                    declared: [],
                    installed: { version: '22.3.0', path: '/usr/local/bin/node', manager: 'system' },
                },
            },
        };
        const drifted = agreeReport(drift);
        const risks = drifted.findings.filter((finding) => finding.severity !== 'info');
        assert.deepEqual(
            risks.map((finding) => finding.rule),
            ['runtime.major', 'locale.effective'],
        );
        const out = renderDiffText(drifted).split('\n');
        assert.ok(!out.includes(NO_DIFFERENCES));
        assert.ok(out.length <= 70, out.join('\n'));
        for (const finding of risks) {
            const at = out.findIndex((line) => line.startsWith(`  ${finding.severity.padEnd(7)} ${finding.key}: `));
            assert.ok(at >= 0 && at < out.findIndex((line) => line.startsWith(`## ${INFORMATION}`)), out.join('\n'));
            assert.equal(out[at + 1], `    ${finding.message}`);
            for (const fix of finding.fix ?? []) {
                assert.ok(
                    out.includes(`    fix (${fix.side} side) ${fix.at.file}:${fix.at.line} — ${fix.description}`),
                    out.join('\n'),
                );
                if (fix.replaceLineWith !== undefined) {
                    assert.ok(out.includes(`      replace line with: ${fix.replaceLineWith}`), out.join('\n'));
                }
            }
            assert.ok((finding.fix ?? []).length > 0, `${finding.rule} has a fix`);
        }
    });

    it('keeps markdown short too, with information and by-design folded', () => {
        const markdown = renderDiffReport(report, 'markdown');
        assert.ok(markdown.split('\n').length <= 60, markdown);
        assert.ok(markdown.includes(`<details><summary>${info.length - byDesign.length} info</summary>`), markdown);
        assert.ok(markdown.includes(`<details><summary>${byDesign.length} different by design</summary>`), markdown);
        assert.ok(markdown.includes('No differences that matter.'));
        assert.ok(markdown.includes('×758 (only on the from side)'), markdown);
    });

    it('leaves JSON with every finding, and no format prints an env hash of the snapshots', () => {
        const json = JSON.parse(renderDiffReport(report, 'json')) as DiffReport;
        assert.equal(json.findings.length, report.findings.length);
        const hashes = [...Object.values(agreeHost.env), ...Object.values(agreeImage.env)].map((fact) =>
            fact.sha256.slice(0, 16),
        );
        for (const format of DIFF_FORMATS) {
            const output = renderDiffReport(report, format);
            assert.ok(!hashes.some((hash) => output.includes(hash)), format);
        }
    });
});
