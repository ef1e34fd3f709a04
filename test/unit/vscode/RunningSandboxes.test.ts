import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type OwnedSandbox, RunningSandboxes } from '../../../src/vscode/commands/sandbox/RunningSandboxes';

/** A sandbox as the registry sees it: stop() ends it, as the runner does. */
function sandbox(name: string): OwnedSandbox & { stops: number; end(): void } {
    let end!: () => void;
    const exited = new Promise<void>((resolve) => (end = resolve));
    const owned = {
        name,
        exited,
        stops: 0,
        end: () => end(),
        stop: async () => {
            owned.stops += 1;
            end();
            await exited;
        },
    };
    return owned;
}

describe('RunningSandboxes', () => {
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
        worker.end();
        await worker.exited;
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(running.names, []);
        assert.equal(await running.stop('parity-sandbox-worker-1'), false);
        assert.equal(worker.stops, 0);
    });

    it('stops every sandbox it still runs when disposed (the window closes)', () => {
        const running = new RunningSandboxes();
        const [a, b] = [sandbox('a'), sandbox('b')];
        running.add(a);
        running.add(b);
        running.dispose();
        assert.deepEqual([a.stops, b.stops], [1, 1]);
        assert.deepEqual(running.names, []);
    });
});
