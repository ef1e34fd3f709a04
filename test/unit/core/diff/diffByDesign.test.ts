import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffByDesign } from '../../../../src/core/diff/diffByDesign';
import { diffSnapshots } from '../../../../src/core/diff/diffSnapshots';
import { mergeDiffRules } from '../../../../src/core/diff/mergeDiffRules';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { env, host, image } from './diffFixtures';

describe('diffByDesign', () => {
    it('renames snapshot paths to the facets and keys findings carry', () => {
        assert.deepEqual(
            diffByDesign([
                { facet: 'systemPackages', key: '*', reason: 'slim' },
                { facet: 'certificates', key: 'extra', reason: 'build time only' },
                { facet: 'certificates', key: 'settings.*', reason: 'paths' },
                { facet: 'user', key: 'root', reason: 'non-root' },
            ]),
            [
                { facet: 'packages', key: '*', reason: 'slim' },
                { facet: 'certificates', key: '*', reason: 'build time only' },
                { facet: 'user', key: 'root', reason: 'non-root' },
            ],
        );
    });

    it('turns what the plan does on purpose into info, and leaves the risks it does not explain', () => {
        const ca = {
            subject: 'CN=Corp',
            issuer: 'CN=Corp',
            fingerprint256: 'AA:BB',
            notAfter: '2030-01-01T00:00:00Z',
            origin: '/corp.pem',
            via: 'NODE_EXTRA_CA_CERTS',
        };
        const machine: Snapshot = {
            ...host,
            user: { uid: 0, gid: 0, name: 'root', home: '/root' },
            env: { SSL_CERT_FILE: env('a'), API_TOKEN: env('b', { secret: true }) },
            certificates: { extra: [ca], settings: { SSL_CERT_FILE: '/corp.pem' } },
            systemPackages: { manager: 'dpkg', packages: { libc6: '2.36-9', git: '1:2.39' } },
        };
        const built: Snapshot = {
            ...image,
            user: { uid: 1000, gid: 1000, name: 'node', home: '/home/node' },
            env: {},
            locale: { ...image.locale, effective: 'C', encoding: 'ANSI_X3.4-1968' },
        };
        const plan = planFromSnapshot(machine, { projectRoot: '/home/dev/app' });
        const result = diffSnapshots(machine, built, mergeDiffRules({ byDesign: diffByDesign(plan.byDesign) }));
        const byDesign = result.findings.filter((finding) => finding.byDesign !== undefined);
        assert.ok(byDesign.every((finding) => finding.severity === 'info'));
        for (const [facet, key] of [
            ['user', 'root'],
            ['certificates', 'AA:BB'],
            ['env', 'SSL_CERT_FILE'],
            ['env', 'API_TOKEN'],
            ['packages', 'git'],
        ]) {
            assert.ok(
                byDesign.some((finding) => finding.facet === facet && finding.key === key),
                `${facet} ${key} is by design`,
            );
        }
        assert.ok(
            result.findings.some(
                (finding) =>
                    finding.facet === 'locale' && finding.severity === 'warning' && finding.byDesign === undefined,
            ),
            'a locale the image lost is still a risk',
        );
    });
});

describe('by-design facts that hold for the image only', () => {
    const facts = [
        { facet: 'env', key: '*DATABASE_URL*', reason: 'a credential is never baked into an image', imageOnly: true },
    ];
    const machine: Snapshot = { ...host, env: { DATABASE_URL: env('b', { secret: true }) } };

    it('explain a variable missing from the built image', () => {
        const finding = diffSnapshots(
            machine,
            { ...image, env: {} },
            mergeDiffRules({ requiredEnv: ['DATABASE_URL'], byDesign: facts }),
        ).findings.find((each) => each.key === 'DATABASE_URL');
        assert.deepEqual([finding?.severity, finding?.byDesign], ['info', 'a credential is never baked into an image']);
    });

    it('never hide it missing where the app runs: a required secret missing in a container stays an error', () => {
        const running: Snapshot = {
            ...image,
            meta: { ...image.meta, source: { kind: 'container', ref: 'prod' } },
            env: {},
        };
        const finding = diffSnapshots(
            machine,
            running,
            mergeDiffRules({ requiredEnv: ['DATABASE_URL'], byDesign: facts }),
        ).findings.find((each) => each.key === 'DATABASE_URL');
        assert.deepEqual(
            [finding?.rule, finding?.severity, finding?.byDesign],
            ['env.required-missing', 'error', undefined],
        );
    });
});
