// Recomputing a comparison after a project file is saved: only this machine's side is read again, from the
// project's files, with the last capture's machine facts and toolchains; the other side is reused as captured.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { diffTargets } from '../../src/pipeline/diff/diffTargets';
import { refreshDiff } from '../../src/pipeline/diff/refreshDiff';
import { captureHost } from '../../src/targets/host/captureHost';

const root = join(__dirname, '..', '..');

describe('refreshDiff (this machine, a saved snapshot as the other side)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity refresh '));
    after(() => rmSync(scratch, { recursive: true, force: true }));

    it('sees a saved .nvmrc and .env without capturing the machine again, and reuses the other side as it was', async () => {
        const folder = join(scratch, 'hello-node');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        writeFileSync(join(folder, '.nvmrc'), '18\n');
        const target = join(scratch, 'target.snapshot.json');
        writeFileSync(target, JSON.stringify(await captureHost(folder, { toolVersion: 'test', log: silentLogger })));
        const options = {
            log: silentLogger,
            toolVersion: 'test',
            client: () => Promise.reject(new Error('no engine side here')),
        };
        const previous = await diffTargets({
            from: { kind: 'host', path: folder },
            to: { kind: 'file', path: target },
            ...options,
        });
        assert.equal(previous.hostSide, 'from');
        assert.ok(!previous.report.findings.some((finding) => finding.key === 'NEW_KEY'));

        writeFileSync(join(folder, '.nvmrc'), '20\n');
        writeFileSync(join(folder, '.env'), 'NEW_KEY=a value that never shows\n');
        const refreshed = await refreshDiff(previous, { runtimes: false, log: silentLogger, toolVersion: 'test' });
        assert.ok(refreshed, 'this machine is a side: the comparison is recomputed');
        const host = refreshed.snapshots.from;
        assert.deepEqual(
            host.runtimes.node?.declared
                .filter((declaration) => declaration.file === '.nvmrc')
                .map((declaration) => declaration.raw),
            ['20'],
            'the saved pin is read',
        );
        assert.ok(host.env.NEW_KEY, 'the saved .env is read (its value hashed)');
        assert.ok(!JSON.stringify(refreshed.report).includes('never shows'), 'no .env value in the report');
        assert.equal(refreshed.snapshots.to, previous.snapshots.to, 'the other side is reused, not read again');
        assert.equal(
            host.systemPackages,
            previous.snapshots.from.systemPackages,
            "the machine facts are the last capture's",
        );
        assert.equal(
            host.runtimes.node?.installed,
            previous.snapshots.from.runtimes.node?.installed,
            'and so is the installed node',
        );
        assert.ok(
            refreshed.report.findings.some((finding) => finding.key === 'NEW_KEY'),
            'the new .env key is compared with the other side',
        );
    });
});
