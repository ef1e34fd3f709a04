// npm run bench [-- NAME …] — every benchmark (or the named ones), each in a fresh process of its own, one after
// the other; then docs/benchmarks.md and docs/benchmarks.json. Each benchmark hands its figures over as JSON through
// PARITY_BENCH_JSON (the convention is at the top of benchKit.ts). A benchmark whose script is missing, fails or
// writes nothing is in the report as "not run" with the reason — never a silent gap. Naming some benchmarks
// measures those again and keeps the other sections of the previous docs/benchmarks.json, each with its own date.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_JSON_ENV, type BenchResult } from './benchKit';
import { describeMachine, loadAverage } from './describeMachine';
import { renderBenchReport, type BenchReport, type BenchSection } from './renderBenchReport';

const repo = join(__dirname, '..', '..');
const JSON_OUT = join(repo, 'docs', 'benchmarks.json');
const MD_OUT = join(repo, 'docs', 'benchmarks.md');

interface BenchEntry {
    readonly name: string;
    readonly area: string;
    readonly file: string;
    /** Runs per figure in the full report: enough for a median, few enough that the whole stays near 20 minutes. */
    readonly runs?: number;
    readonly timeoutMin: number;
}

// In report order. A script that is missing or fails leaves its section saying "not run" and why.
const BENCHES: readonly BenchEntry[] = [
    { name: 'activation', area: 'Activation in the real VS Code', file: 'activationBench.ts', timeoutMin: 10 },
    {
        name: 'cli-cold',
        area: 'Cold CLI (`parity snapshot`, `parity --help`)',
        file: 'cliColdBench.ts',
        timeoutMin: 10,
    },
    { name: 'snapshot', area: 'Snapshot (vs envinfo)', file: 'snapshotBench.ts', runs: 5, timeoutMin: 10 },
    {
        name: 'package',
        area: 'Package App: build, rebuild, image size',
        file: 'packageBench.ts',
        runs: 5,
        timeoutMin: 25,
    },
    { name: 'builders', area: 'BuildKit vs the classic builder', file: 'buildersBench.ts', runs: 5, timeoutMin: 10 },
    { name: 'sandbox', area: 'Sandbox ready (vs docker run)', file: 'sandboxBench.ts', runs: 7, timeoutMin: 10 },
    { name: 'views', area: 'Images and Containers views', file: 'viewsBench.ts', runs: 11, timeoutMin: 10 },
    {
        name: 'views-vscode',
        area: 'Images and Containers views in the real VS Code',
        file: 'viewsInVsCodeBench.ts',
        timeoutMin: 10,
    },
    { name: 'targets', area: 'Targets view', file: 'targetsBench.ts', runs: 7, timeoutMin: 10 },
    { name: 'diff', area: 'Diff in-process', file: 'diffBench.ts', runs: 11, timeoutMin: 10 },
    { name: 'diff-cli', area: 'Diff CLI (fresh process)', file: 'diffCliBench.ts', runs: 7, timeoutMin: 10 },
    { name: 'lsp', area: 'Language server', file: 'lspBench.ts', runs: 5, timeoutMin: 10 },
    { name: 'refresh', area: 'Findings after a save', file: 'refreshBench.ts', runs: 5, timeoutMin: 10 },
    { name: 'corpus', area: 'Planning the corpus', file: 'corpusBench.ts', runs: 11, timeoutMin: 10 },
    { name: 'remote', area: 'Remote engines (TLS, ssh)', file: 'remoteProbeBench.ts', runs: 5, timeoutMin: 10 },
    { name: 'swarm', area: 'Swarm service probe', file: 'swarmProbeBench.ts', runs: 5, timeoutMin: 10 },
    { name: 'java', area: 'Java packaging', file: 'javaBench.ts', runs: 5, timeoutMin: 15 },
    { name: 'ruby', area: 'Ruby packaging', file: 'rubyBench.ts', runs: 5, timeoutMin: 15 },
    { name: 'libs', area: 'Libraries vs hand-written code', file: 'libsBench.ts', timeoutMin: 10 },
];

function isResult(value: unknown): value is BenchResult {
    const result = value as { bench?: unknown; figures?: unknown } | null;
    return (
        typeof result === 'object' &&
        result !== null &&
        typeof result.bench === 'string' &&
        Array.isArray(result.figures) &&
        (result.figures as unknown[]).every((item) => {
            const figure = item as Record<string, unknown>;
            return (
                typeof figure.name === 'string' &&
                typeof figure.median === 'number' &&
                typeof figure.unit === 'string' &&
                typeof figure.runs === 'number'
            );
        })
    );
}

/** One benchmark in a fresh process; its output goes through, the tail of its stderr is kept for a failure. */
function runOne(
    entry: BenchEntry,
    jsonFile: string,
): Promise<{ code: number | null; tail: string; timedOut: boolean }> {
    return new Promise((resolve) => {
        const child = spawn(
            process.execPath,
            ['--import', 'tsx', join(__dirname, entry.file), ...(entry.runs ? ['--runs', String(entry.runs)] : [])],
            { cwd: repo, env: { ...process.env, [BENCH_JSON_ENV]: jsonFile }, stdio: ['ignore', 'inherit', 'pipe'] },
        );
        let tail = '';
        child.stderr.on('data', (chunk: Buffer) => {
            process.stderr.write(chunk);
            tail = (tail + chunk.toString()).slice(-2000);
        });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
        }, entry.timeoutMin * 60_000);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, tail, timedOut });
        });
    });
}

/** The last words of a failed benchmark: its error message, not its stack. */
function lastWords(tail: string): string {
    const lines = tail
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('at ') && !/^node:|^\^|^Node\.js v/.test(line));
    return lines.slice(-3).join(' ').slice(0, 400) || 'no output';
}

async function measure(entry: BenchEntry, dir: string, commit: string): Promise<BenchSection> {
    const base = {
        name: entry.name,
        area: entry.area,
        command: `node --import tsx scripts/bench/${entry.file}${entry.runs ? ` --runs ${entry.runs}` : ''}`,
        commit,
        loadAverage: loadAverage(),
    };
    const measuredAt = new Date().toISOString();
    if (!existsSync(join(__dirname, entry.file))) {
        return { ...base, measuredAt, status: 'not run', reason: `scripts/bench/${entry.file} does not exist yet.` };
    }
    process.stdout.write(`\n=== ${entry.name} (${entry.file}) — ${new Date().toISOString()}\n`);
    const jsonFile = join(dir, `${entry.name}.json`);
    const started = performance.now();
    const { code, tail, timedOut } = await runOne(entry, jsonFile);
    const seconds = (performance.now() - started) / 1000;
    if (timedOut) {
        return {
            ...base,
            measuredAt,
            seconds,
            status: 'not run',
            reason: `stopped after ${entry.timeoutMin} minutes: ${lastWords(tail)}`,
        };
    }
    if (code !== 0) {
        return { ...base, measuredAt, seconds, status: 'not run', reason: `failed (exit ${code}): ${lastWords(tail)}` };
    }
    let result: unknown;
    try {
        result = JSON.parse(readFileSync(jsonFile, 'utf8'));
    } catch {
        return { ...base, measuredAt, seconds, status: 'not run', reason: `wrote no JSON to ${BENCH_JSON_ENV}.` };
    }
    if (!isResult(result)) {
        return {
            ...base,
            measuredAt,
            seconds,
            status: 'not run',
            reason: `its JSON does not follow the convention at the top of scripts/bench/benchKit.ts ({ bench, figures: [{ name, median, unit, runs, … }] }).`,
        };
    }
    return { ...base, measuredAt, seconds, status: 'measured', result };
}

function previousSections(): Map<string, BenchSection> {
    try {
        const previous = JSON.parse(readFileSync(JSON_OUT, 'utf8')) as BenchReport;
        return new Map(previous.sections.map((one) => [one.name, one]));
    } catch {
        return new Map();
    }
}

async function main(): Promise<void> {
    const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
    const unknown = asked.filter((name) => !BENCHES.some((entry) => entry.name === name));
    if (unknown.length > 0) {
        throw new Error(
            `unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((entry) => entry.name).join(', ')}`,
        );
    }
    const chosen = asked.length > 0 ? new Set(asked) : new Set(BENCHES.map((entry) => entry.name));
    const machine = describeMachine(repo);
    const generatedAt = machine.date;
    // dist/ for the benchmarks that run the built CLI or server; some build again with their own flags.
    await new Promise<void>((resolve, reject) =>
        spawn(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' }).on(
            'close',
            (code) => (code === 0 ? resolve() : reject(new Error(`node scripts/build.mjs exited ${code}`))),
        ),
    );
    const previous = previousSections();
    const dir = mkdtempSync(join(tmpdir(), 'parity-bench-all-'));
    const sections: BenchSection[] = [];
    const started = performance.now();
    try {
        for (const entry of BENCHES) {
            const kept = previous.get(entry.name);
            // A missing script is said afresh each time: a section kept from an earlier run would hide its arrival.
            if (chosen.has(entry.name) || !existsSync(join(__dirname, entry.file))) {
                sections.push({ ...(await measure(entry, dir, machine.commit)), area: entry.area });
            } else if (kept) {
                sections.push({ ...kept, area: entry.area });
            } else {
                sections.push({
                    name: entry.name,
                    area: entry.area,
                    command: `npm run bench -- ${entry.name}`,
                    status: 'not run',
                    reason: 'not selected in this run, and no earlier measurement to keep.',
                    measuredAt: generatedAt,
                    commit: machine.commit,
                });
            }
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    const report: BenchReport = { generatedAt, machine, sections };
    writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(MD_OUT, renderBenchReport(report));
    const notRun = report.sections.filter((one) => one.status === 'not run').map((one) => one.name);
    process.stdout.write(
        `\nwrote docs/benchmarks.md and docs/benchmarks.json in ${Math.round((performance.now() - started) / 1000)} s` +
            (notRun.length > 0 ? `; not run: ${notRun.join(', ')}` : '') +
            '\n',
    );
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
