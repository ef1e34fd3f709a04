// What every benchmark shares: medians, timing loops, the figures as data, and the JSON it hands to runAll.
//
// The convention (runAll.ts reads it; a benchmark written without this module only has to follow it):
//   - A benchmark is one script, scripts/bench/<name>Bench.ts, that runs alone (`node --import tsx FILE [--runs N]`)
//     and prints a table; runAll starts each in a fresh process of its own.
//   - When the environment variable PARITY_BENCH_JSON names a file, the script writes its result there as JSON:
//       { "bench": "snapshot",
//         "figures": [ { "name": "fresh `parity snapshot` process, hello-node", "median": 212.4, "unit": "ms",
//                        "runs": 5, "min"?: 200.1, "max"?: 250.3,
//                        "target"?: { "op": "<=", "value": 150, "on"?: "median" | "ratio" },
//                        "peer"?: { "name": "envinfo --system --binaries --languages", "median": 1500 },
//                        "ratio"?: 0.14 } ],
//         "notes"?: [ "anything a reader needs to weigh the figures" ] }
//     `median` is in `unit` (ms, s, MiB, MB, files …); `runs` is how many measurements the median is of (at least
//     5 for a time; 1 for a size or a count, which does not vary). `target` is an upper bound on the median, or on
//     the ratio when `on` is "ratio" (`op` "<" or "<="). `peer` is the same thing done by another tool, measured in
//     the same run (interleaved with ours); `ratio` = our median / the peer's median.
//   - Exit code 0 when the figures were written; anything else is reported as "not run" with the script's last words.
// Benchmarks are never test assertions on time: a missed target is a verdict in the report, not a failure.
import { writeFileSync } from 'node:fs';

export const BENCH_JSON_ENV = 'PARITY_BENCH_JSON';

export interface BenchTarget {
    readonly op: '<' | '<=';
    readonly value: number;
    /** What the bound is on: the median (the default) or the ratio to the peer. */
    readonly on?: 'median' | 'ratio';
}

export interface BenchFigure {
    readonly name: string;
    readonly median: number;
    readonly unit: string;
    readonly runs: number;
    readonly min?: number;
    readonly max?: number;
    readonly target?: BenchTarget;
    readonly peer?: { readonly name: string; readonly median: number };
    readonly ratio?: number;
}

export interface BenchResult {
    readonly bench: string;
    readonly figures: readonly BenchFigure[];
    readonly notes?: readonly string[];
}

export interface BenchOptions {
    /** Measurements per figure; never fewer than 5 for a time. */
    readonly runs: number;
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
    const started = performance.now();
    await run();
    return performance.now() - started;
}

export function timeSync(run: () => unknown): number {
    const started = performance.now();
    run();
    return performance.now() - started;
}

/** `count` timings of `run` in ms, after one warm-up run that is not counted (unless `warmup` is false). */
export async function sample(count: number, run: () => Promise<unknown>, warmup = true): Promise<number[]> {
    if (warmup) {
        await run();
    }
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
        times.push(await timeAsync(run));
    }
    return times;
}

/**
 * Ours and a peer's, interleaved (A B, B A, A B …) so a busy moment of the machine weighs on both alike; each
 * returns its own measurement (a time, usually).
 */
export async function interleave(
    count: number,
    ours: () => Promise<number>,
    peer: () => Promise<number>,
): Promise<{ ours: number[]; peer: number[] }> {
    const result = { ours: [] as number[], peer: [] as number[] };
    for (let i = 0; i < count; i += 1) {
        if (i % 2 === 0) {
            result.ours.push(await ours());
            result.peer.push(await peer());
        } else {
            result.peer.push(await peer());
            result.ours.push(await ours());
        }
    }
    return result;
}

/** A figure from its measurements; with a peer's measurements, the peer's median and the ratio too. */
export function figure(
    name: string,
    values: readonly number[],
    unit: string,
    extra: { target?: BenchTarget; peer?: { name: string; values: readonly number[] } } = {},
): BenchFigure {
    const ours = median(values);
    const peerMedian = extra.peer ? median(extra.peer.values) : undefined;
    return {
        name,
        median: ours,
        unit,
        runs: values.length,
        min: Math.min(...values),
        max: Math.max(...values),
        ...(extra.target ? { target: extra.target } : {}),
        ...(extra.peer && peerMedian !== undefined
            ? { peer: { name: extra.peer.name, median: peerMedian }, ratio: ours / peerMedian }
            : {}),
    };
}

/** A target's text, e.g. "≤ 150 ms" or "ratio ≤ 1.05". */
export function targetText(target: BenchTarget, unit: string): string {
    const op = target.op === '<=' ? '≤' : '<';
    return target.on === 'ratio' ? `ratio ${op} ${target.value}` : `${op} ${target.value} ${unit}`;
}

export function verdict(figure: BenchFigure): 'met' | 'NOT met' | '' {
    const { target } = figure;
    if (!target) {
        return '';
    }
    const value = target.on === 'ratio' ? figure.ratio : figure.median;
    if (value === undefined || Number.isNaN(value)) {
        return 'NOT met';
    }
    return (target.op === '<=' ? value <= target.value : value < target.value) ? 'met' : 'NOT met';
}

/** A number as a report shows it: three significant figures, no exponent. */
export function formatNumber(value: number): string {
    if (!Number.isFinite(value) || Number.isInteger(value)) {
        return String(value);
    }
    const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
    return value.toFixed(digits);
}

/** The plain-text table a benchmark prints when it runs alone. */
export function renderTable(result: BenchResult): string {
    const rows = result.figures.map((f) => [
        f.name,
        `${formatNumber(f.median)} ${f.unit}`,
        f.target ? targetText(f.target, f.unit) : '',
        verdict(f),
        f.peer ? `${f.peer.name}: ${formatNumber(f.peer.median)} ${f.unit}` : '',
        f.ratio !== undefined ? formatNumber(f.ratio) : '',
        String(f.runs),
    ]);
    const head = ['figure', 'median', 'target', 'verdict', 'peer', 'ratio', 'runs'];
    const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
    const line = (cells: readonly string[]): string =>
        cells
            .map((cell, column) => cell.padEnd(widths[column] ?? 0))
            .join('  ')
            .trimEnd();
    return [
        `${result.bench} benchmark`,
        line(head),
        ...rows.map(line),
        ...(result.notes ?? []).map((note) => `  note: ${note}`),
        '',
    ].join('\n');
}

/** `--runs N` from the command line, else `fallback`; never below `floor` (5: a median of fewer says little). */
export function runsOption(fallback: number, floor = 5): number {
    const index = process.argv.indexOf('--runs');
    const asked = index > 0 ? Number(process.argv[index + 1]) : fallback;
    return Math.max(floor, Number.isFinite(asked) ? asked : fallback);
}

/**
 * The entry point of a benchmark script run as a program: runs it, prints its table, and writes its JSON to
 * PARITY_BENCH_JSON when that is set. A failure sets the exit code and prints the error.
 */
export function runBench(run: (options: BenchOptions) => Promise<BenchResult>, fallbackRuns: number): void {
    run({ runs: runsOption(fallbackRuns) })
        .then((result) => {
            process.stdout.write(renderTable(result));
            const out = process.env[BENCH_JSON_ENV];
            if (out) {
                writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
            }
        })
        .catch((error: unknown) => {
            process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
            process.exitCode = 1;
        });
}
