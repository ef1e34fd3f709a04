import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    containerContextValue,
    containerRows,
    type ContainerSummary,
    publishedPorts,
} from '../../../../src/core/containers/containerRows';
import { publishedPortHost } from '../../../../src/core/containers/publishedPortHost';
import { parseEngineAddress } from '../../../../src/core/engineAddress';
import { showsOn } from '../../../support/menuWhen';

const local = { publishHost: 'localhost' };

function container(
    name: string,
    state: string,
    created: number,
    extra: Partial<ContainerSummary> = {},
): ContainerSummary {
    return {
        Id: `${name}-id`,
        Names: [`/${name}`],
        Image: 'busybox',
        State: state,
        Status: '',
        Created: created,
        ...extra,
    };
}

describe('containerRows', () => {
    it('sandboxes first, then the others; live ones before stopped ones, newest first', () => {
        const sandbox = (name: string): Record<string, string> => ({
            'parity.container': name,
            'parity.managed': 'true',
            'parity.purpose': 'sandbox',
            'parity.project': 'shop',
        });
        const rows = containerRows(
            [
                container('old-running', 'running', 100),
                container('exited-sandbox', 'exited', 500, {
                    Labels: sandbox('exited-sandbox'),
                    Status: 'Exited (1) 2 minutes ago',
                    ImageID: 'sha256:app',
                }),
                container('new-exited', 'exited', 400, { Status: 'Exited (0) 1 second ago' }),
                container('running-sandbox', 'running', 200, {
                    Labels: sandbox('running-sandbox'),
                    ImageID: 'sha256:app',
                }),
                container('paused', 'paused', 300),
                container('probe', 'running', 600, {
                    Labels: { 'parity.container': 'probe', 'parity.managed': 'true', 'parity.purpose': 'probe' },
                    ImageID: 'sha256:app',
                }),
            ],
            { ...local, imageLabels: new Map([['sha256:app', { 'parity.managed': 'true' }]]) },
        );
        assert.deepEqual(
            rows.map((row) => row.name),
            ['running-sandbox', 'exited-sandbox', 'probe', 'paused', 'old-running', 'new-exited'],
        );
        assert.deepEqual(
            rows.map((row) => row.sandbox),
            [true, true, false, false, false, false],
        );
        assert.equal(rows[0]?.project, 'shop');
    });

    it('a container whose sandbox labels come from its image is not a sandbox (Stop would remove it)', () => {
        const impostor = {
            'parity.container': 'x',
            'parity.managed': 'true',
            'parity.purpose': 'sandbox',
            'parity.project': 'shop',
        };
        const rows = containerRows(
            [
                container('plain-run-of-parity-image', 'running', 4, {
                    Labels: { 'parity.managed': 'true', 'parity.purpose': 'sandbox' },
                    ImageID: 'sha256:built',
                }),
                container('labelled-by-its-image', 'running', 3, { Labels: impostor, ImageID: 'sha256:hostile' }),
                container('image-gone', 'exited', 2, {
                    Labels: { ...impostor, 'parity.container': 'image-gone' },
                    ImageID: 'sha256:gone',
                }),
                container('image-not-looked-at', 'running', 1, {
                    Labels: { ...impostor, 'parity.container': 'unseen' },
                    ImageID: 'sha256:unseen',
                }),
            ],
            {
                ...local,
                imageLabels: new Map<string, Record<string, string> | null>([
                    ['sha256:built', { 'parity.managed': 'true' }],
                    ['sha256:hostile', impostor],
                    ['sha256:gone', null],
                ]),
            },
        );
        assert.deepEqual(
            rows.map((row) => [row.name, row.sandbox, row.project]),
            [
                ['plain-run-of-parity-image', false, undefined],
                ['labelled-by-its-image', false, undefined],
                ['image-not-looked-at', false, undefined],
                ['image-gone', false, undefined],
            ],
        );
        assert.ok(rows.every((row) => !containerContextValue(row).includes('sandbox')));
    });

    it("reads the exit code of an exited container from the engine's status", () => {
        const [killed, ok, running] = containerRows(
            [
                container('killed', 'exited', 3, { Status: 'Exited (137) 5 seconds ago' }),
                container('ok', 'exited', 2, { Status: 'Exited (0) About a minute ago' }),
                container('up', 'running', 1, { Status: 'Up 3 minutes' }),
            ],
            local,
        ).sort((a, b) => b.created - a.created);
        assert.equal(killed?.exitCode, 137);
        assert.equal(ok?.exitCode, 0);
        assert.equal(running?.exitCode, undefined);
    });

    it('an unknown state and a missing name do not break the row', () => {
        const [row] = containerRows([{ Id: '0123456789abcdef', Image: 'x', State: 'zombie', Created: 1 }], local);
        assert.equal(row?.state, 'unknown');
        assert.equal(row?.name, '0123456789ab');
        assert.equal(row && containerContextValue(row), 'unknownContainer');
    });
});

describe('published ports', () => {
    it('one per host port and protocol, reached at localhost for a local engine; URLs for TCP only', () => {
        const ports = publishedPorts(
            [
                { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
                { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
                { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
                { IP: '10.1.2.3', PrivatePort: 443, PublicPort: 8443, Type: 'tcp' },
                { PrivatePort: 9000, Type: 'tcp' },
            ],
            'localhost',
        );
        assert.deepEqual(ports, [
            { hostPort: 5353, containerPort: 53, protocol: 'udp', address: 'localhost:5353' },
            {
                hostPort: 8080,
                containerPort: 80,
                protocol: 'tcp',
                address: 'localhost:8080',
                url: 'http://localhost:8080/',
            },
            {
                hostPort: 8443,
                containerPort: 443,
                protocol: 'tcp',
                address: '10.1.2.3:8443',
                url: 'https://10.1.2.3:8443/',
            },
        ]);
    });

    it("a remote engine's ports are on its host", () => {
        assert.equal(publishedPortHost(parseEngineAddress('unix:///var/run/docker.sock')), 'localhost');
        assert.equal(publishedPortHost(parseEngineAddress('tcp://build-box:2376')), 'build-box');
        assert.equal(publishedPortHost(parseEngineAddress('ssh://me@10.0.0.5')), '10.0.0.5');
        assert.equal(
            publishedPorts([{ IP: '0.0.0.0', PrivatePort: 3000, PublicPort: 3000, Type: 'tcp' }], 'build-box')[0]?.url,
            'http://build-box:3000/',
        );
    });
});

describe('containerContextValue', () => {
    const rows = containerRows(
        [
            container('web', 'running', 6, {
                Labels: { 'parity.container': 'web', 'parity.purpose': 'sandbox' },
                ImageID: 'sha256:web',
                Ports: [{ IP: '0.0.0.0', PrivatePort: 3000, PublicPort: 3000, Type: 'tcp' }],
            }),
            container('db', 'running', 5, { Ports: [{ IP: '0.0.0.0', PrivatePort: 53, PublicPort: 53, Type: 'udp' }] }),
            container('done', 'exited', 4, { Status: 'Exited (0) 1 hour ago' }),
            container('held', 'paused', 3),
            container('flaky', 'restarting', 2),
            container('new', 'created', 1),
        ],
        { ...local, imageLabels: new Map([['sha256:web', {}]]) },
    );
    const values = Object.fromEntries(rows.map((row) => [row.name, containerContextValue(row)]));

    it('encodes state, sandbox and browsable ports', () => {
        assert.deepEqual(values, {
            web: 'runningContainer;sandbox;ports',
            db: 'runningContainer',
            done: 'exitedContainer',
            held: 'pausedContainer',
            flaky: 'restartingContainer',
            new: 'createdContainer',
        });
    });

    it("gets the right context menu from package.json's regexes", () => {
        const showing = (command: string): string[] =>
            Object.entries(values)
                .filter(([, value]) => showsOn('parity.containers', command, value))
                .map(([name]) => name);
        assert.deepEqual(showing('parity.containers.stop'), ['web', 'db', 'held', 'flaky']);
        assert.deepEqual(showing('parity.containers.openInBrowser'), ['web']);
        assert.deepEqual(showing('parity.containers.restart'), ['web', 'db', 'held', 'done', 'new']);
        assert.deepEqual(showing('parity.containers.remove'), Object.keys(values));
        for (const command of ['logs', 'inspect', 'copyId']) {
            assert.deepEqual(showing(`parity.containers.${command}`), Object.keys(values), command);
        }
        assert.deepEqual(showing('parity.containers.attachShell'), ['web', 'db'], 'a shell needs a running container');
        assert.deepEqual(showing('parity.containers.copyDockerRun'), ['web'], 'sandboxes only');
        assert.ok(
            showsOn('parity.containers', 'parity.containers.openInBrowser', 'containerPort;url'),
            'a port row opens too',
        );
        assert.ok(!showsOn('parity.containers', 'parity.containers.stop', 'engineUnreachable'));
    });
});
