// --port on the commands that make a plan: a number over the one found, "none" for a worker, and one clear
// error for anything else — before any work starts.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Plan } from '../../../src/core/plan/Plan';
import { parsePort } from '../../../src/core/plan/parsePort';
import { type CliRun, runCliInProcess } from '../../support/runCliInProcess';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'projects');
const env = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/parity-test.sock' };

async function parity(...args: string[]): Promise<CliRun> {
    return await runCliInProcess(env, args);
}

function copyOf(fixture: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity port-')), fixture);
    cpSync(join(fixtures, fixture), folder, { recursive: true });
    return folder;
}

describe('parsePort', () => {
    it('a port from 1 to 65535, or none; nothing else', () => {
        assert.equal(parsePort('8080'), 8080);
        assert.equal(parsePort(' 1 '), 1);
        assert.equal(parsePort('65535'), 65535);
        assert.equal(parsePort('none'), null);
        assert.equal(parsePort('None'), null);
        for (const bad of ['0', '70000', '65536', 'abc', '', '80.5', '-1', '1e3', '0x50', '008080x']) {
            assert.equal(parsePort(bad), undefined, bad);
        }
    });
});

describe('parity plan|recipe|package|run --port', () => {
    for (const bad of ['0', '70000', 'abc']) {
        for (const command of ['plan', 'package', 'run']) {
            it(`${command} --port ${bad}: exit 2 and one clear line, nothing planned`, async () => {
                const folder = copyOf('node-worker');
                const result = await parity(command, folder, '--port', bad);
                assert.equal(result.code, 2, result.stderr);
                const errors = result.stderr.split('\n').filter((line) => line.startsWith('parity:'));
                assert.deepEqual(errors, [
                    `parity: --port takes a port number from 1 to 65535, or "none" for an app that listens on no port (a worker), not "${bad}"`,
                ]);
                assert.equal(result.stdout, '');
            });
        }
    }

    it('plan on a worker says plainly that no port was found and how to give one', async () => {
        const result = await parity('plan', copyOf('node-worker'));
        assert.equal(result.code, 0, result.stderr);
        assert.match(
            result.stdout,
            /^Port: \(none\)\n {2}why: No port found: Parity found no port the app listens on, so the image exposes none and Run in Sandbox runs the app as a worker \(nothing waits for it to answer\)\. If it serves HTTP, give the port: `--port N` on parity plan\/package\/run, or when Package App asks\.$/m,
        );
    });

    it('plan --port 8080 on a port-less server: the port, and PORT for an app that reads it', async () => {
        const folder = copyOf('node-config-port');
        const result = await parity('plan', folder, '--port', '8080', '--json');
        assert.equal(result.code, 0, result.stderr);
        const plan = JSON.parse(result.stdout) as Plan;
        assert.equal(plan.port.value, 8080);
        assert.equal(plan.env.PORT, '8080');
        assert.match(
            plan.port.why,
            /^You set the port to 8080 \(override\); Parity found no port in the app, so the image also sets PORT=8080/,
        );
        assert.equal(
            (JSON.parse(readFileSync(join(folder, '.parity', 'plan.json'), 'utf8')) as Plan).port.value,
            8080,
            'saved as planned',
        );
    });

    it('plan --port none: the user says it is a worker', async () => {
        const result = await parity('plan', copyOf('node-worker'), '--port', 'none', '--json');
        assert.equal(result.code, 0, result.stderr);
        const plan = JSON.parse(result.stdout) as Plan;
        assert.equal(plan.port.value, null);
        assert.equal(plan.env.PORT, undefined);
        assert.match(plan.port.why, /^You said the app listens on no port \(override\)/);
    });
});
