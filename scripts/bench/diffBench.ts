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
import { figure, runBench, type BenchOptions, type BenchResult } from './benchKit';

const PACKAGES = 20_000;
const VARIABLES = 2_000;

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

export function run({ runs }: BenchOptions): Promise<BenchResult> {
    const from = side('from');
    const to = side('to');
    const diffMs: number[] = [];
    const totalMs: number[] = [];
    const textMs: number[] = [];
    const sarifMs: number[] = [];
    let findings = 0;
    for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        const result = diffSnapshots(from, to, DEFAULT_DIFF_RULES);
        const diffed = performance.now();
        JSON.stringify(result);
        totalMs.push(performance.now() - start);
        diffMs.push(diffed - start);
        findings = result.findings.length;
        const textStart = performance.now();
        renderDiffReport(reportOf(diffSnapshots(from, to, DEFAULT_DIFF_RULES), from, to), 'text');
        textMs.push(performance.now() - textStart);
        const sarifStart = performance.now();
        renderDiffReport(reportOf(diffSnapshots(from, to, DEFAULT_DIFF_RULES), from, to), 'sarif');
        sarifMs.push(performance.now() - sarifStart);
    }
    const target = { op: '<', value: 100 } as const;
    return Promise.resolve({
        bench: 'diff',
        figures: [
            figure('diff (in-process)', diffMs, 'ms'),
            figure('diff + JSON', totalMs, 'ms', { target }),
            figure('diff + text report', textMs, 'ms', { target }),
            figure('diff + SARIF report', sarifMs, 'ms', { target }),
        ],
        notes: [`${PACKAGES} system packages and ${VARIABLES} env vars per side: ${findings} findings`],
    });
}

if (require.main === module) {
    runBench(run, 11);
}
