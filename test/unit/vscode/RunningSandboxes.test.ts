import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    type OwnedSandbox,
    RunningSandboxes,
    WINDOW_CLOSE_WAIT_MS,
} from '../../../src/vscode/commands/sandbox/RunningSandboxes';

/**
 * A sandbox as the registry sees it: stop() and end() end it, as the runner does; `endMs` is how long ending
 * takes (Infinity: never — an engine that hangs).
 */
function sandbox(
    name: string,
    endMs = 0,
): OwnedSandbox & { stops: number; ends: number; shown: number; gone: boolean; finish(): void } {
    let finish!: () => void;
    const exited = new Promise<void>((resolve) => (finish = resolve));
    const owned = {
        name,
        exited,
        stops: 0,
        ends: 0,
        shown: 0,
        gone: false,
        show: () => {
            owned.shown += 1;
        },
        finish: () => finish(),
        stop: async () => {
            owned.stops += 1;
            finish();
            await exited;
        },
        end: async () => {
            owned.ends += 1;
            if (Number.isFinite(endMs)) {
                await new Promise((resolve) => setTimeout(resolve, endMs));
                owned.gone = true;
                finish();
            }
            await exited;
        },
    };
    return owned;
}

describe('RunningSandboxes', () => {
    it('focuses the terminal of a sandbox this window runs, and says whether it was one', () => {
        const running = new RunningSandboxes();
        const web = sandbox('parity-sandbox-web-1');
        running.add(web);
        assert.equal(running.show('parity-sandbox-web-1'), true);
        assert.equal(running.show('parity-sandbox-other-2'), false);
        assert.equal(web.shown, 1);
    });

    it('stops a sandbox this window runs, by name, and says whether it was one', async () => {
        const running = new RunningSandboxes();
        const web = sandbox('parity-sandbox-web-1');
        running.add(web);
        assert.equal(await running.stop('parity-sandbox-other'), false);
        assert.equal(await running.stop('parity-sandbox-web-1'), true);
        assert.equal(web.stops, 1);
    });

    it('forgets a sandbox once it has ended by itself', async () => {
        const running = new RunningSandboxes();
        const worker = sandbox('parity-sandbox-worker-1');
        running.add(worker);
        worker.finish();
        await worker.exited;
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(running.names, []);
        assert.equal(await running.stop('parity-sandbox-worker-1'), false);
        assert.equal(worker.stops, 0);
    });

    it('closing the window ends every sandbox it runs and resolves only once all are gone', async () => {
        const running = new RunningSandboxes();
        const [a, b] = [sandbox('a', 50), sandbox('b', 200)];
        running.add(a);
        running.add(b);
        const started = Date.now();
        await running.endAll();
        assert.deepEqual([a.ends, b.ends], [1, 1]);
        assert.deepEqual([a.gone, b.gone], [true, true], 'endAll resolved before every sandbox was removed');
        assert.ok(Date.now() - started >= 190, 'it waited for the slowest one');
        assert.deepEqual(running.names, []);
    });

    it('gives up after the bound when a sandbox never ends, and a second close ends nothing twice', async () => {
        const running = new RunningSandboxes();
        const [quick, stuck] = [sandbox('quick', 10), sandbox('stuck', Infinity)];
        running.add(quick);
        running.add(stuck);
        const started = Date.now();
        await running.endAll(300);
        const waited = Date.now() - started;
        assert.ok(waited >= 290 && waited < 2000, `waited ${waited} ms`);
        assert.equal(quick.gone, true);
        running.dispose();
        assert.deepEqual([quick.ends, stuck.ends], [1, 1]);
    });

    it('a failing end does not keep the others from being waited for', async () => {
        const running = new RunningSandboxes();
        const failing = { ...sandbox('failing'), end: () => Promise.reject(new Error('engine gone')) };
        const slow = sandbox('slow', 100);
        running.add(failing);
        running.add(slow);
        await running.endAll();
        assert.equal(slow.gone, true);
    });

    it('waits at most as long as VS Code lets an extension host deactivate (5 s)', () => {
        assert.ok(WINDOW_CLOSE_WAIT_MS > 0 && WINDOW_CLOSE_WAIT_MS < 5000);
    });

    it('a project starts once at a time: a second start while the first runs shows the first and is refused', () => {
        const sandboxes = new RunningSandboxes();
        let shown = 0;
        const done = sandboxes.beginStart('/work/api', () => (shown += 1));
        assert.ok(done, 'the first start goes ahead');
        assert.equal(
            sandboxes.beginStart('/work/api', () => assert.fail('the second is never shown')),
            undefined,
        );
        assert.equal(shown, 1, "the first start's terminal was shown");
        const other = sandboxes.beginStart('/work/web', () => undefined);
        assert.ok(other, 'another project starts alongside');
        done();
        const again = sandboxes.beginStart('/work/api', () => undefined);
        assert.ok(again, 'once the first start ended, the project may start again');
        done();
        assert.equal(
            sandboxes.beginStart('/work/api', () => undefined),
            undefined,
            'a stale end leaves the new mark',
        );
    });
});
