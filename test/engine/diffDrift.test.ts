// Drift planted between a container where the app "works" and a "cloud" one — runtime major, time zone, locale,
// env, uid, a system package, the nofile and memory limits — is found by the diff, each with its facet and a
// severity that means something; containers alike give no warning, an image diffed with itself nothing at all.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDiffTarget } from '../../src/core/diff/DiffTarget';
import type { Finding } from '../../src/core/findings/Finding';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { EngineClient } from '../../src/engine/EngineClient';
import { diffTargets } from '../../src/pipeline/diff/diffTargets';
import {
    buildCloudImage,
    CLOUD_IMAGE,
    otherMajorNode,
    PURGED_PACKAGE,
    removeDriftLeftovers,
    startContainer,
    WORKS_IMAGE,
} from './diffTestImages';
import { requireEngine } from './requireEngine';

const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);

/** The pipeline `parity diff` runs: both sides probed with one env hash key, then the pure diff. */
async function diff(from: string, to: string): Promise<readonly Finding[]> {
    const { report } = await diffTargets({
        from: parseDiffTarget(from),
        to: parseDiffTarget(to),
        client: () => Promise.resolve(client),
        log: silentLogger,
        toolVersion: '0.0.0-test',
    });
    assert.deepEqual(report.unknown, [], 'every facet was read on both sides');
    return report.findings;
}

const WORKS = `parity-test-drift-works-${process.pid}`;
const CLOUD = `parity-test-drift-cloud-${process.pid}`;
const TWIN = `parity-test-drift-twin-${process.pid}`;

/** What "works" runs with; its twin runs with the same, the cloud with the drift planted below. */
const WORKS_SETTINGS = [
    '--env',
    'TZ=Europe/Berlin',
    '--env',
    'LANG=C.UTF-8',
    '--env',
    'FEATURE_FLAGS=beta',
    '--env',
    'API_TOKEN=token-of-the-laptop',
    '--user',
    '1000:1000',
    '--ulimit',
    'nofile=16384:16384',
];

const notable = (findings: readonly Finding[]): string[] =>
    findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.key}: ${f.message}`);

describe('diff against the real engine: planted drift is found', () => {
    before(async () => {
        await requireEngine();
        const node24 = otherMajorNode();
        buildCloudImage();
        startContainer(WORKS, WORKS_IMAGE, WORKS_SETTINGS);
        startContainer(TWIN, WORKS_IMAGE, WORKS_SETTINGS);
        startContainer(CLOUD, CLOUD_IMAGE, [
            '--volume',
            `${node24}:/usr/local/bin/node:ro`,
            '--env',
            'TZ=America/New_York',
            '--env',
            'LANG=C',
            '--env',
            'API_TOKEN=token-of-the-cloud',
            '--user',
            '1001:1000',
            '--ulimit',
            'nofile=1024:1024',
            '--memory',
            '256m',
        ]);
    });
    after(() => removeDriftLeftovers([WORKS, CLOUD, TWIN]));

    it('works → cloud: every planted difference, with its facet and severity', async () => {
        const findings = await diff(`container:${WORKS}`, `container:${CLOUD}`);
        const find = (facet: string, key: string): Finding => {
            const found = findings.find((f) => f.facet === facet && f.key === key);
            assert.ok(
                found,
                `no ${facet} finding for ${key} among:\n${findings.map((f) => `${f.facet} ${f.key} ${f.rule}`).join('\n')}`,
            );
            return found;
        };
        // The planted drift and nothing else: no volatile fact (hostname, container id, PIDs) became a finding.
        assert.deepEqual(
            findings.map((f) => `${f.severity} ${f.facet} ${f.key} ${f.rule}`),
            [
                'error runtimes node runtime.major',
                'warning env API_TOKEN env.value',
                'warning env FEATURE_FLAGS env.missing',
                'warning limits nofile limits.lower',
                'warning locale effective locale.effective',
                'warning locale encoding locale.encoding',
                'warning resources memory resources.lower',
                'warning timezone name timezone.name',
                'warning user uid user.uid',
                `info packages ${PURGED_PACKAGE} packages.removed`,
            ],
        );

        const node = find('runtimes', 'node');
        assert.equal(node.rule, 'runtime.major');
        assert.equal(node.severity, 'error');
        assert.deepEqual([node.from, node.to], ['20.20.2', '24.21.0']);

        assert.equal(find('timezone', 'name').severity, 'warning');
        assert.equal(find('locale', 'effective').severity, 'warning');

        const missing = find('env', 'FEATURE_FLAGS');
        assert.equal(missing.rule, 'env.missing');
        assert.deepEqual([missing.from, missing.to], ['set', null]);
        assert.ok(missing.severity === 'warning' || missing.severity === 'error');

        const secret = find('env', 'API_TOKEN');
        assert.equal(secret.rule, 'env.value');
        assert.equal(secret.secret, true);
        assert.equal(secret.severity, 'warning');
        assert.deepEqual([secret.from, secret.to], ['set', 'another value']);
        assert.ok(!JSON.stringify(findings).includes('token-of-the-'), 'an env value leaked into a finding');

        const uid = find('user', 'uid');
        assert.equal(uid.severity, 'warning');
        assert.deepEqual([uid.from, uid.to], ['1000', '1001']);

        const purged = find('packages', PURGED_PACKAGE);
        assert.equal(purged.rule, 'packages.removed');
        assert.equal(purged.severity, 'info');

        const nofile = find('limits', 'nofile');
        assert.equal(nofile.rule, 'limits.lower');
        assert.equal(nofile.severity, 'warning');

        const memory = find('resources', 'memory');
        assert.equal(memory.rule, 'resources.lower');
        assert.equal(memory.severity, 'warning');
    });

    it('two containers of the same image and settings: no warning, no error', async () => {
        assert.deepEqual(notable(await diff(`container:${WORKS}`, `container:${TWIN}`)), []);
    });

    it('an image diffed with itself: no finding at all', async () => {
        assert.deepEqual(await diff(`image:${CLOUD_IMAGE}`, `image:${CLOUD_IMAGE}`), []);
    });
});
