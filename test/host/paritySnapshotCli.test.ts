import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { runParity } from '../support/runParity';

const root = join(__dirname, '..', '..');

function mismatchedExample(): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-cli-')), 'hello-node');
    cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
    writeFileSync(join(folder, '.nvmrc'), '18\n');
    return folder;
}

describe('parity snapshot (the built CLI, this machine)', () => {
    it('prints one JSON snapshot on stdout and the findings on stderr', () => {
        const folder = mismatchedExample();
        const result = runParity(['snapshot', folder]);
        assert.equal(result.code, 0, result.stderr);
        const snapshot = JSON.parse(result.stdout) as Snapshot;
        assert.equal(snapshot.schemaVersion, 1);
        assert.deepEqual(snapshot.meta.source, { kind: 'host', ref: folder });
        assert.match(result.stderr, /^\[warn\] \.nvmrc:1: \.nvmrc asks for node 18 \(18\.x\), but node \S+ runs here/m);
    });

    it('--format text prints the summary with the findings; PATH defaults to the current folder', () => {
        const folder = mismatchedExample();
        const result = runParity(['snapshot', '--format', 'text'], { cwd: folder });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, new RegExp(`^Snapshot of ${folder.replace(/[/.]/g, '\\$&')} \\(host\\)`));
        assert.match(
            result.stdout,
            /^node\s+\S+ \(system, [^)]+\) — declared: \.nvmrc 18 \(\.nvmrc:1\), package\.json#engines\.node >=20 \(package\.json:8\)$/m,
        );
        assert.match(result.stdout, /^Findings:\n {2}warning .*\.nvmrc/m);
    });

    it('--out writes the file (atomically) and keeps stdout empty', () => {
        const folder = mismatchedExample();
        const out = join(folder, '.parity', 'ci.snapshot.json');
        const result = runParity(['snapshot', folder, '--out', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        assert.equal((JSON.parse(readFileSync(out, 'utf8')) as Snapshot).meta.source.ref, folder);
    });

    it('bad arguments: exit 2, a clear line and the usage, nothing written', () => {
        const folder = mismatchedExample();
        const badFormat = runParity(['snapshot', folder, '--format', 'xml', '--out', join(folder, 'x.json')]);
        assert.equal(badFormat.code, 2);
        assert.match(badFormat.stderr, /^parity: --format must be json or text, not "xml"/);
        assert.equal(existsSync(join(folder, 'x.json')), false);
        const badTarget = runParity(['snapshot', '--target', 'vm:web']);
        assert.equal(badTarget.code, 2);
        assert.match(
            badTarget.stderr,
            /^parity: --target: "vm:web" is not a target: use host:PATH, image:REF, container:NAME, swarm:SERVICE, registry:REF/,
        );
        const twoPaths = runParity(['snapshot', folder, folder]);
        assert.equal(twoPaths.code, 2);
        assert.match(twoPaths.stderr, /snapshot takes one PATH, not 2/);
    });

    it('a malformed project still gives a snapshot, with the problem as an issue naming file and line', () => {
        const folder = mkdtempSync(join(tmpdir(), 'parity-cli-bad-'));
        writeFileSync(join(folder, 'package.json'), '{\n  "name": "broken",\n  "engines": { "node": ">=20" \n');
        const result = runParity(['snapshot', folder]);
        assert.equal(result.code, 0, result.stderr);
        const snapshot = JSON.parse(result.stdout) as Snapshot;
        assert.ok(
            snapshot.issues.some((issue) => issue.at?.file === 'package.json' && issue.at.line > 1),
            JSON.stringify(snapshot.issues),
        );
    });
});
