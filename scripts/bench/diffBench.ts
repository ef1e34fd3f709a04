// Benchmark: the pure diff of two large snapshots, then rendering it. Figures only — no test asserts on time;
// the target is under 100 ms for diff + render, to text and to SARIF each.
// Each side has 20,000 system packages and 2,000 env vars; 10% of packages differ in version, 5% are
// on one side only, and a quarter of the variables differ or are missing, so the result is large too.
//
//   node --import tsx scripts/bench/diffBench.ts [--runs N]
import { createHash } from 'node:crypto';
import { diffSnapshots } from '../../src/core/diff/diffSnapshots';
import { DEFAULT_DIFF_RULES } from '../../src/core/diff/DiffRules';
import { renderDiffReport } from '../../src/core/diff/report/renderDiffReport';
import type { EnvVarFact, Snapshot } from '../../src/core/snapshot/Snapshot';
import { reportOf } from '../../test/unit/core/diff/report/reportFixtures';
import { validSnapshot } from '../../test/unit/core/snapshot/validSnapshot';

const PACKAGES = 20_000;
const VARIABLES = 2_000;
const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11);

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

function side(which: 'from' | 'to'): Snapshot {
    const packages: Record<string, string> = {};
    for (let index = 0; index < PACKAGES; index += 1) {
        const oneSided = index % 20 === 0;
        if (oneSided && (index % 40 === 0) !== (which === 'from')) {
            continue;
        }
        packages[`${oneSided ? `only-${which}-` : ''}lib-package-${index}`] =
            `1.${index % 7}.${which === 'to' && index % 10 === 1 ? 9 : 0}-1`;
    }
    const env: Record<string, EnvVarFact> = {};
    for (let index = 0; index < VARIABLES; index += 1) {
        const name = `${which === 'to' && index % 8 === 0 ? 'TARGET' : 'APP'}_SETTING_${index}`;
        env[name] = {
            sha256: hash(`${name}=${which === 'to' && index % 8 === 1 ? 'other' : 'value'}`),
            secret: index % 50 === 0,
            source: 'process',
        };
    }
    return {
        ...validSnapshot,
        meta: { ...validSnapshot.meta, source: { kind: which === 'from' ? 'host' : 'container', ref: which } },
        systemPackages: { manager: 'dpkg', packages },
        env,
    };
}

const from = side('from');
const to = side('to');
const diffMs: number[] = [];
const totalMs: number[] = [];
const textMs: number[] = [];
const sarifMs: number[] = [];
let findings = 0;
let bytes = 0;
let textBytes = 0;
let sarifBytes = 0;
for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = diffSnapshots(from, to, DEFAULT_DIFF_RULES);
    const diffed = performance.now();
    bytes = JSON.stringify(result).length;
    totalMs.push(performance.now() - start);
    diffMs.push(diffed - start);
    findings = result.findings.length;
    const textStart = performance.now();
    textBytes = renderDiffReport(reportOf(diffSnapshots(from, to, DEFAULT_DIFF_RULES), from, to), 'text').length;
    textMs.push(performance.now() - textStart);
    const sarifStart = performance.now();
    sarifBytes = renderDiffReport(reportOf(diffSnapshots(from, to, DEFAULT_DIFF_RULES), from, to), 'sarif').length;
    sarifMs.push(performance.now() - sarifStart);
}
const round = (ms: number): string => ms.toFixed(1);
const line = (label: string, values: readonly number[], target = ''): string =>
    `  ${label.padEnd(16)} median ${round(median(values))} ms (min ${round(Math.min(...values))}, max ${round(Math.max(...values))}) over ${runs} runs${target}`;
process.stdout.write(
    [
        `diff of ${PACKAGES} packages and ${VARIABLES} env vars per side: ${findings} findings, ${(bytes / 1024).toFixed(0)} KiB as JSON, ${(textBytes / 1024).toFixed(0)} KiB as text, ${(sarifBytes / 1024).toFixed(0)} KiB as SARIF`,
        line('diff', diffMs),
        line('diff + JSON', totalMs),
        line('diff + text', textMs, ' — target < 100 ms'),
        line('diff + SARIF', sarifMs, ' — target < 100 ms'),
        '',
    ].join('\n'),
);
