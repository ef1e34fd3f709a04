// Benchmark: the libraries Parity uses for tar and protobuf (tar-stream, protobufjs with dockerode's
// buildkit_status.proto) against the hand-written code they replaced, taken from git history (--baseline REV,
// default the last commit that had it). Medians of --runs N (default 7, at least 5). Figures only — no test asserts
// on time. Prints a table; writes JSON to $PARITY_BENCH_JSON when set (the shape scripts/bench/runAll.ts reads).
//
//   node --import tsx scripts/bench/libsBench.ts [--runs N] [--baseline REV]
//
// (a) packing a build context to a stream: examples/hello-node and a synthetic 2,000-file / 50 MB tree;
// (b) reading a file out of a 24 MB container archive (what ContainerFiles.read does with the engine's answer);
// (c) decoding real BuildKit StatusResponse messages (captured from Docker 20.10, test/fixtures/build);
// (d) cold load in a fresh process of the bundled code (the CLI is cold-started): the lazy bundle for the library,
//     the hand-written modules bundled the same way for the baseline.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BuildkitStatus } from '../../src/core/build/BuildkitStatus';
import { loadBuildkitStatusDecoder } from '../../src/engine/build/buildkitStatusDecoder';
import { createBuildContext } from '../../src/engine/build/buildContext';
import { loadTarPacker } from '../../src/engine/build/tarPacker';
import { readTarEntries } from '../../src/engine/readTarEntries';
import { type BenchFigure, figure as benchFigure, interleave, sample, timeAsync } from './benchKit';

const root = join(__dirname, '..', '..');
/** The last commit with the hand-written tar writer/reader and protobuf decoder. */
const DEFAULT_BASELINE = '43aafc3';

export interface LibsBenchResult {
    readonly bench: 'libs';
    readonly figures: readonly BenchFigure[];
    readonly notes: readonly string[];
}

/** The replaced modules, loaded from the baseline commit's source. */
interface Baseline {
    readonly rev: string;
    readonly dir: string;
    readonly createBuildContext: (
        folder: string,
        options: { extraFiles: Record<string, Buffer> },
    ) => Promise<{ open(): NodeJS.ReadableStream }>;
    readonly readTarEntries: (data: Buffer) => unknown[];
    readonly decodeBuildkitStatus: (bytes: Uint8Array) => BuildkitStatus;
}

/** A figure with the hand-written code as its peer (no peer in a clone without that history). */
function figure(
    name: string,
    values: readonly number[],
    unit: string,
    peer?: { name: string; values: number[] },
): BenchFigure {
    return benchFigure(name, values, unit, peer ? { peer } : {});
}

/** Library and baseline interleaved (A B, B A …) so a busy moment of the machine weighs on both; one warm-up each. */
async function compare(
    runs: number,
    library: () => Promise<unknown>,
    baseline: (() => Promise<unknown>) | undefined,
): Promise<{ library: number[]; baseline: number[] }> {
    await library();
    await baseline?.();
    if (!baseline) {
        return { library: await sample(runs, library, false), baseline: [] };
    }
    const { ours, peer } = await interleave(
        runs,
        () => timeAsync(library),
        () => timeAsync(baseline),
    );
    return { library: ours, baseline: peer };
}

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
    let bytes = 0;
    await pipeline(
        stream,
        new Writable({
            write(chunk: Buffer, _encoding, done) {
                bytes += chunk.length;
                done();
            },
        }),
    );
    return bytes;
}

function loadBaseline(rev: string): Baseline | undefined {
    if (spawnSync('git', ['cat-file', '-e', `${rev}^{commit}`], { cwd: root }).status !== 0) {
        return undefined;
    }
    const dir = mkdtempSync(join(tmpdir(), 'parity-libs-baseline-'));
    const archive = execFileSync('git', ['archive', rev, 'src'], { cwd: root, maxBuffer: 256 * 1024 ** 2 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    /* eslint-disable @typescript-eslint/no-require-imports */
    const context = require(join(dir, 'src/engine/build/buildContext.ts')) as Pick<Baseline, 'createBuildContext'>;
    const tar = require(join(dir, 'src/core/probe/readTarFile.ts')) as Pick<Baseline, 'readTarEntries'>;
    const status = require(join(dir, 'src/core/build/buildkitStatus.ts')) as Pick<Baseline, 'decodeBuildkitStatus'>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return {
        rev,
        dir,
        createBuildContext: context.createBuildContext,
        readTarEntries: tar.readTarEntries,
        decodeBuildkitStatus: status.decodeBuildkitStatus,
    };
}

/** A project tree of `files` files totalling about `bytes`, in folders of 50, with a .dockerignore and a Dockerfile. */
function syntheticTree(files: number, bytes: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-libs-tree-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox\nCOPY . /app\n');
    writeFileSync(join(dir, '.dockerignore'), '.git\n');
    const size = Math.floor(bytes / files);
    for (let i = 0; i < files; i += 1) {
        const folder = join(dir, 'src', `module-${Math.floor(i / 50)}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, `file-${i}.js`), Buffer.alloc(size, 0x61 + (i % 26)));
    }
    return dir;
}

/** The trace messages' protobuf bytes of the captured BuildKit streams. */
function capturedStatuses(): Buffer[] {
    const messages: Buffer[] = [];
    for (const name of ['buildkit-failing-run.jsonl', 'buildkit-multistage.jsonl']) {
        for (const line of readFileSync(join(root, 'test/fixtures/build', name), 'utf8')
            .split('\n')
            .filter(Boolean)) {
            const message = JSON.parse(line) as { id?: string; aux?: unknown };
            if (message.id === 'moby.buildkit.trace' && typeof message.aux === 'string') {
                messages.push(Buffer.from(message.aux, 'base64'));
            }
        }
    }
    return messages;
}

/**
 * Milliseconds `script` takes in a fresh process, as the script itself measures it, after `prelude` (at least one
 * empty file required, so the module system's own first-use cost is not counted against either side).
 */
function coldLoad(script: string, prelude: string): number {
    const result = spawnSync(
        process.execPath,
        ['-e', `${prelude};const t=performance.now();${script};process.stdout.write(String(performance.now()-t))`],
        {
            cwd: root,
            encoding: 'utf8',
        },
    );
    if (result.status !== 0) {
        throw new Error(`cold load failed: ${result.stderr}`);
    }
    return Number(result.stdout);
}

/** The baseline's modules bundled as the CLI bundles them, to load them cold the same way as the library bundles. */
async function bundleBaseline(baseline: Baseline): Promise<{ tar: string; status: string }> {
    const esbuild = await import('esbuild');
    const out = join(baseline.dir, 'bundles');
    const bundle = async (entry: string, name: string): Promise<string> => {
        const outfile = join(out, `${name}.js`);
        await esbuild.build({
            entryPoints: [join(baseline.dir, entry)],
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            outfile,
            logLevel: 'warning',
        });
        return outfile;
    };
    return {
        tar: await bundle('src/core/build/tarHeader.ts', 'tar'),
        status: await bundle('src/core/build/buildkitStatus.ts', 'status'),
    };
}

export async function runLibsBench(options: { runs: number; baseline?: string }): Promise<LibsBenchResult> {
    const runs = Math.max(5, options.runs);
    const rev = options.baseline ?? DEFAULT_BASELINE;
    const baseline = loadBaseline(rev);
    const notes: string[] = [
        'library = the shipped path; peer = the hand-written code it replaced, from git history; ratio = library / hand-written (below 1: the library is faster).',
    ];
    if (!baseline) {
        notes.push(`the baseline commit ${rev} is not in this clone (shallow?): library figures only.`);
    }
    const handWritten = `hand-written (${rev})`;
    const figures: BenchFigure[] = [];
    const cleanup: string[] = baseline ? [baseline.dir] : [];
    try {
        // (a) packing build contexts, with the Dockerfile Parity generates for a project that has none
        const generated = { extraFiles: { Dockerfile: Buffer.from('FROM busybox\nCOPY . /app\n') } };
        const tree = syntheticTree(2000, 50 * 1024 ** 2);
        cleanup.push(tree);
        for (const [label, folder] of [
            ['examples/hello-node', join(root, 'examples', 'hello-node')],
            ['2,000 files / 50 MB', tree],
        ] as const) {
            const timed = await compare(
                runs,
                async () => drain((await createBuildContext(folder, generated)).open()),
                baseline ? async () => drain((await baseline.createBuildContext(folder, generated)).open()) : undefined,
            );
            figures.push(
                figure(`pack the build context of ${label} to a stream (walk + tar)`, timed.library, 'ms', {
                    name: handWritten,
                    values: timed.baseline,
                }),
            );
        }

        // (b) reading a file out of a container archive of about 24 MB
        const packer = await loadTarPacker();
        const parts: Buffer[] = [];
        for await (const part of packer.open([
            { name: 'etc/', type: 'directory', size: 0, mode: 0o755, mtime: 0 },
            {
                name: 'etc/big.bin',
                type: 'file',
                size: 24 * 1024 ** 2,
                mode: 0o644,
                mtime: 0,
                buffer: Buffer.alloc(24 * 1024 ** 2, 1),
            },
            { name: 'etc/os-release', type: 'file', size: 20, mode: 0o644, mtime: 0, buffer: Buffer.alloc(20, 2) },
        ])) {
            parts.push(part as Buffer);
        }
        const archive = Buffer.concat(parts);
        // As the engine's HTTP response arrives: 64 KiB chunks.
        const chunks = Array.from({ length: Math.ceil(archive.length / 65536) }, (_, i) =>
            archive.subarray(i * 65536, (i + 1) * 65536),
        );
        const read = await compare(
            runs,
            () => readTarEntries(chunks, 64 * 1024 ** 2),
            baseline ? () => Promise.resolve(baseline.readTarEntries(Buffer.concat(chunks))) : undefined,
        );
        figures.push(
            figure(
                `read the files of a ${(archive.length / 1024 ** 2).toFixed(0)} MB archive (64 KiB chunks)`,
                read.library,
                'ms',
                { name: handWritten, values: read.baseline },
            ),
        );

        // (c) decoding real BuildKit status messages, 100 times over
        const messages = capturedStatuses();
        const decode = await loadBuildkitStatusDecoder();
        const loops = 100;
        const decoded = await compare(
            runs,
            () => {
                for (let i = 0; i < loops; i += 1) {
                    messages.forEach(decode);
                }
                return Promise.resolve();
            },
            baseline
                ? () => {
                      for (let i = 0; i < loops; i += 1) {
                          messages.forEach(baseline.decodeBuildkitStatus);
                      }
                      return Promise.resolve();
                  }
                : undefined,
        );
        const bytes = messages.reduce((sum, message) => sum + message.length, 0);
        figures.push(
            figure(
                `decode ${loops} × ${messages.length} captured StatusResponse messages (${loops} × ${bytes} bytes)`,
                decoded.library,
                'ms',
                { name: handWritten, values: decoded.baseline },
            ),
        );

        // (d) cold load of the bundled code in a fresh process
        execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
        const bundles = baseline ? await bundleBaseline(baseline) : undefined;
        const dist = (name: string): string => JSON.stringify(join(root, 'dist', name));
        const empty = join(tree, 'empty.js');
        writeFileSync(empty, '');
        const prelude = `require(${JSON.stringify(empty)})`;
        const coldRuns = (script: string, before = prelude): number[] =>
            Array.from({ length: runs }, () => coldLoad(script, before));
        const tarCold = coldRuns(`require(${dist('tarStream.js')})`);
        const decoder = `const p=require(${dist('grpc.js')}).protobufjs;p.loadSync(${dist('proto/buildkit_status.proto')}).lookupType('moby.buildkit.v1.StatusResponse').decode(Buffer.alloc(0))`;
        const protoCold = coldRuns(decoder);
        // Every BuildKit build opens a session, which loads gRPC from the same bundle first.
        const protoAfterGrpc = coldRuns(decoder, `${prelude};require(${dist('grpc.js')})['@grpc/grpc-js']`);
        figures.push(
            figure('cold load: tar (fresh process, bundled)', tarCold, 'ms', {
                name: handWritten,
                values: bundles ? coldRuns(`require(${JSON.stringify(bundles.tar)})`) : [NaN],
            }),
            figure(
                'cold load: BuildKit status decoder incl. dist/grpc.js, .proto parse and first decode (fresh process)',
                protoCold,
                'ms',
                {
                    name: handWritten,
                    values: bundles
                        ? coldRuns(`require(${JSON.stringify(bundles.status)}).decodeBuildkitStatus(Buffer.alloc(0))`)
                        : [NaN],
                },
            ),
            figure(
                'cold load: BuildKit status decoder once the build session has loaded gRPC (what a BuildKit build pays)',
                protoAfterGrpc,
                'ms',
                {
                    name: handWritten,
                    values: bundles
                        ? coldRuns(`require(${JSON.stringify(bundles.status)}).decodeBuildkitStatus(Buffer.alloc(0))`)
                        : [NaN],
                },
            ),
        );
        notes.push(
            'cold loads are paid once per process and only when a build context is packed, a container file is read (tar) or a BuildKit build runs (protobuf); never at activation or by `parity snapshot`.',
        );
    } finally {
        cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    }
    return { bench: 'libs', figures, notes };
}

function runsOption(): number {
    const index = process.argv.indexOf('--runs');
    return index > 0 ? Number(process.argv[index + 1]) : 7;
}

if (require.main === module) {
    const index = process.argv.indexOf('--baseline');
    runLibsBench({
        runs: runsOption(),
        ...(index > 0 ? { baseline: process.argv[index + 1] ?? DEFAULT_BASELINE } : {}),
    })
        .then((result) => {
            console.log(`libs benchmark — medians of ${result.figures[0]?.runs ?? 0} runs (2 cores)`);
            for (const f of result.figures) {
                const peer = f.peer
                    ? ` · ${f.peer.name} ${f.peer.median.toFixed(2)} ${f.unit} · ratio ${f.ratio?.toFixed(2)}`
                    : '';
                console.log(`  ${f.name}: library ${f.median.toFixed(2)} ${f.unit}${peer}`);
            }
            result.notes.forEach((note) => console.log(`  note: ${note}`));
            const out = process.env.PARITY_BENCH_JSON;
            if (out) {
                writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
            }
        })
        .catch((error: unknown) => {
            console.error(error);
            process.exitCode = 1;
        });
}
