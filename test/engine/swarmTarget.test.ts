// swarm:SERVICE against the test bed's real Swarm (the cloud engine): every running task is probed, a replica
// changed by hand is reported as drift naming its task, and bad input — an unknown service, a service with no
// running task, an engine that is no swarm manager, a task whose container exits mid-probe — gets one clear
// message naming the service and the engine. Every service made here is our own and removed afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { DiffReport } from '../../src/core/diff/DiffReport';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { captureEngineTarget } from '../../src/pipeline/targets/captureEngineTarget';
import { runParity } from '../support/runParity';
import { CERTS, CLOUD_SOCKET, CLOUD_TLS, cloudCli, requireRemoteTestbed, SWARM_SERVICE, tlsEnv } from './remoteTestbed';
import { requireEngine } from './requireEngine';
import {
    createService,
    removeSwarmTestLeftovers,
    taskContainer,
    waitForNoLeftovers,
    waitForRunning,
} from './swarmTestKit';

const cloud = new EngineClient({ address: parseEngineAddress(CLOUD_SOCKET), source: 'test' }, { log: silentLogger });
const main = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);
const probe = { log: silentLogger, toolVersion: '0.0.0-test' };
const prefix = `parity-test-swarm-${process.pid}`;
const DRIFTED = `${prefix}-drifted`;
const ALIKE = `${prefix}-alike`;
const SCALED_TO_ZERO = `${prefix}-zero`;
const UNPLACEABLE = `${prefix}-unplaceable`;
const DIES = `${prefix}-dies`;
const root = join(__dirname, '..', '..');
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync(join(root, 'schemas', 'diff-report.schema.json'), 'utf8')) as object,
);

async function refusal(service: string, client: EngineClient): Promise<EngineError> {
    const error = await captureEngineTarget(client, { kind: 'swarm', service }, probe).then(
        () => undefined,
        (caught: unknown) => caught,
    );
    assert.ok(error instanceof EngineError, `swarm:${service} was not refused with an EngineError: ${String(error)}`);
    return error;
}

describe('swarm:SERVICE on the real Swarm of the test bed', () => {
    before(async () => {
        await requireEngine();
        requireRemoteTestbed();
        removeSwarmTestLeftovers();
        createService(DRIFTED, ['--replicas', '3']);
        createService(ALIKE, ['--replicas', '2']);
        createService(SCALED_TO_ZERO, ['--replicas', '0']);
        createService(UNPLACEABLE, ['--replicas', '1', '--constraint', 'node.labels.parity-test-nowhere==1']);
        // Its tasks run as root and exit (code 7) when /tmp/die appears; the slot 2 container below gets a /bin/sh
        // that makes it appear before it runs the probe, so that task always stops while it is probed.
        createService(
            DIES,
            ['--replicas', '2', '--user', '0', '--restart-condition', 'none', '--entrypoint', 'sh'],
            ['-c', 'while [ ! -e /tmp/die ]; do sleep 0.05; done; exit 7'],
        );
        await Promise.all([waitForRunning(DRIFTED, 3), waitForRunning(ALIKE, 2), waitForRunning(DIES, 2)]);
        // The drift, by hand: a CA trusted in one replica only, as a "quick fix" inside one container leaves it.
        const { container } = taskContainer(DRIFTED, 2);
        cloudCli(['exec', '--user', '0', container, 'mkdir', '-p', '/usr/local/share/ca-certificates']);
        cloudCli([
            'cp',
            join(CERTS, 'client', 'ca.pem'),
            `${container}:/usr/local/share/ca-certificates/corp-proxy.crt`,
        ]);
        const dying = taskContainer(DIES, 2).container;
        cloudCli([
            'exec',
            dying,
            'sh',
            '-c',
            'mv /bin/sh /bin/sh.real && printf \'#!/bin/sh.real\\ntouch /tmp/die\\nsleep 1\\nexec /bin/sh.real "$@"\\n\' > /bin/sh && chmod +x /bin/sh',
        ]);
    });
    after(async () => {
        removeSwarmTestLeftovers();
        await waitForNoLeftovers();
    });

    it('parity diff --to swarm:NAME@ENGINE reports the replica changed by hand as drifted, naming its task', () => {
        const { taskId } = taskContainer(DRIFTED, 2);
        const result = runParity([
            'diff',
            '--from',
            `swarm:${DRIFTED}@${CLOUD_SOCKET}`,
            '--to',
            `swarm:${DRIFTED}@${CLOUD_SOCKET}`,
            '--format',
            'json',
            '--fail-on',
            'warning',
        ]);
        assert.equal(result.code, 1, `exit 1: the drift is a warning\n${result.stderr}`);
        const report = JSON.parse(result.stdout) as DiffReport;
        assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
        const drift = report.findings.filter((finding) => finding.rule === 'swarm.drift');
        // Each side brings its own drift: the same one difference, once per side, and nothing else differs.
        assert.deepEqual(
            drift.map((finding) => [
                finding.drift?.side,
                finding.drift?.task,
                finding.drift?.facet,
                finding.drift?.rule,
                finding.to,
            ]),
            [
                ['from', `${DRIFTED}.2`, 'certificates', 'certificates.added', 'CN=Parity test-bed CA'],
                ['to', `${DRIFTED}.2`, 'certificates', 'certificates.added', 'CN=Parity test-bed CA'],
            ],
        );
        assert.equal(report.findings.length, 2, JSON.stringify(report.findings, null, 2));
        const [first] = drift;
        assert.ok(first);
        assert.equal(first.severity, 'warning');
        assert.equal(first.facet, 'swarm');
        assert.equal(first.drift?.taskId, taskId);
        assert.equal(first.drift?.reference, `${DRIFTED}.1`);
        assert.match(
            first.message,
            new RegExp(`^Replica ${DRIFTED}\\.2 \\(task ${taskId.slice(0, 12)}\\) differs from ${DRIFTED}\\.1 `),
        );
        assert.deepEqual(report.counts, { error: 0, warning: 2, info: 0 });
        assert.deepEqual(report.unknown, []);
    });

    it('every format carries the drift: text, markdown, SARIF', () => {
        const text = runParity([
            'diff',
            '--from',
            `swarm:${ALIKE}@${CLOUD_SOCKET}`,
            '--to',
            `swarm:${DRIFTED}@${CLOUD_SOCKET}`,
        ]);
        assert.equal(text.code, 0, `a warning is below the default --fail-on error\n${text.stderr}`);
        assert.match(
            text.stdout,
            /## swarm \(1\)\n {2}warning +\S+-drifted\.2 certificates [0-9A-F:]+: \(absent\) → CN=Parity test-bed CA {2}\[swarm\.drift\]/,
        );
        const markdown = runParity([
            'diff',
            '--from',
            `swarm:${ALIKE}@${CLOUD_SOCKET}`,
            '--to',
            `swarm:${DRIFTED}@${CLOUD_SOCKET}`,
            '--format',
            'markdown',
        ]);
        assert.match(markdown.stdout, /\n#### swarm \(1\)\n/);
        assert.match(
            markdown.stdout,
            /\| 🟠 warning \| <code>parity&#45;test&#45;swarm&#45;\d+&#45;drifted\.2 certificates [0-9A-F&#;]+<\/code> \| — \| <code>CN&#61;Parity test&#45;bed CA<\/code> \| Replica /,
        );
        const sarif = JSON.parse(
            runParity([
                'diff',
                '--from',
                `swarm:${ALIKE}@${CLOUD_SOCKET}`,
                '--to',
                `swarm:${DRIFTED}@${CLOUD_SOCKET}`,
                '--format',
                'sarif',
            ]).stdout,
        ) as {
            runs: {
                tool: { driver: { rules: { id: string }[] } };
                invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
            }[];
        };
        const [run] = sarif.runs;
        assert.ok(run?.tool.driver.rules.some((rule) => rule.id === 'swarm.drift'));
        assert.ok(
            run?.invocations[0]?.toolExecutionNotifications.some((note) =>
                /^swarm\.drift swarm\/\S+-drifted\.2 certificates /.test(note.message.text),
            ),
        );
    });

    it('replicas alike: no drift; hostname and container id differ in every task and are never drift', async () => {
        const captured = await captureEngineTarget(cloud, { kind: 'swarm', service: ALIKE }, probe);
        assert.deepEqual(captured.drift, []);
        assert.deepEqual(captured.unknown, []);
        assert.match(captured.snapshot.meta.source.ref, new RegExp(`^${ALIKE}\\.1\\.`));
        assert.ok(captured.snapshot.env.HOSTNAME, 'each task has its own HOSTNAME, compared by no one');
    });

    it("the test bed's own service over mutual TLS, from the CLI: both tasks probed, alike", () => {
        const result = runParity(
            [
                'diff',
                '--from',
                `swarm:${SWARM_SERVICE}@${CLOUD_TLS}`,
                '--to',
                `swarm:${SWARM_SERVICE}@${CLOUD_TLS}`,
                '--format',
                'json',
            ],
            { env: tlsEnv() },
        );
        assert.equal(result.code, 0, result.stderr);
        const report = JSON.parse(result.stdout) as DiffReport;
        assert.deepEqual(report.findings, []);
        assert.deepEqual(report.unknown, []);
        assert.match(report.to.ref, new RegExp(`^${SWARM_SERVICE}\\.1\\.`));
    });

    it('an unknown service: names the service and the engine', async () => {
        const error = await refusal(`${prefix}-never-created`, cloud);
        assert.equal(
            error.message,
            `There is no service ${prefix}-never-created on the swarm of the engine at ${CLOUD_SOCKET}. List them with: docker service ls`,
        );
    });

    it('a service scaled to 0: no running task, and why', async () => {
        const error = await refusal(SCALED_TO_ZERO, cloud);
        assert.equal(
            error.message,
            `Service ${SCALED_TO_ZERO} on ${CLOUD_SOCKET} has no running task, so there is nothing to probe: it is scaled to 0 replicas. See: docker service ps ${SCALED_TO_ZERO}`,
        );
    });

    it("a service whose constraint no node meets: no running task, with the scheduler's reason", async () => {
        const error = await refusal(UNPLACEABLE, cloud);
        assert.match(
            error.message,
            new RegExp(
                `^Service ${UNPLACEABLE} on ${CLOUD_SOCKET} has no running task, so there is nothing to probe: its tasks are pending \\(no suitable node[^)]*\\)`,
            ),
        );
    });

    it('an engine that is no swarm manager (the main engine): says so and how to name one', async () => {
        const error = await refusal(SWARM_SERVICE, main);
        assert.equal(
            error.message,
            `Service ${SWARM_SERVICE}: the engine at unix:///var/run/docker.sock is not part of a swarm (swarm: inactive), so it has no services. Name a swarm manager's engine: swarm:${SWARM_SERVICE}@ENGINE.`,
        );
    });

    it('a task whose container exits mid-probe: that task is reported as not probed, the other one is the snapshot', async () => {
        const captured = await captureEngineTarget(cloud, { kind: 'swarm', service: DIES }, probe);
        assert.match(captured.snapshot.meta.source.ref, new RegExp(`^${DIES}\\.1\\.`));
        assert.deepEqual(captured.drift, []);
        assert.deepEqual(
            captured.unknown?.map((entry) => [entry.facet, entry.key]),
            [['swarm', `${DIES}.2`]],
        );
        assert.match(
            captured.unknown?.[0]?.why ?? '',
            /^not probed: Container \S+ stopped \(exited, exit code 7\) while Parity probed it, so its snapshot is incomplete/,
        );
        assert.ok(
            captured.snapshot.issues.some(
                (issue) =>
                    issue.severity === 'warning' &&
                    issue.message.startsWith(`Service ${DIES}: task ${DIES}.2 was not probed: Container `),
            ),
        );
    });
});
