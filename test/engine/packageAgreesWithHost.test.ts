// Package App then a comparison with this machine, as a new user does it: the image Parity builds must
// agree with the host on the facts the recipe carries (locale, time zone, runtime version), and where it
// differs on purpose (the locale's language part, the non-root user) the plan must say why.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { matchesByDesign } from '../../src/core/plan/matchesByDesign';
import type { DiffReport } from '../../src/core/diff/DiffReport';
import type { Plan } from '../../src/core/plan/Plan';
import type { RuntimeName, Snapshot } from '../../src/core/snapshot/Snapshot';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const root = join(__dirname, '..', '..');
const tags: string[] = [];

interface Packaged {
    readonly folder: string;
    readonly tag: string;
    readonly env: NodeJS.ProcessEnv;
    readonly plan: Plan;
    readonly host: Snapshot;
    readonly image: Snapshot;
}

/** Packages a copy of the example under `env` (the host's locale and zone), then snapshots the host and the image. */
function packageAndProbe(example: string, env: NodeJS.ProcessEnv): Packaged {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-agree-')), example);
    cpSync(join(root, 'examples', example), folder, { recursive: true });
    const tag = `parity-test/agree-${example}:${process.pid}`;
    tags.push(tag);
    const packaged = runParity(['package', folder, '--tag', tag], { env: { DOCKER_HOST: '', ...env } });
    assert.equal(packaged.code, 0, packaged.stderr);
    const host = runParity(['snapshot', folder], { env });
    assert.equal(host.code, 0, host.stderr);
    const image = runParity(['snapshot', '--target', `image:${tag}`], { env: { DOCKER_HOST: '' } });
    assert.equal(image.code, 0, image.stderr);
    return {
        folder,
        tag,
        env,
        plan: JSON.parse(readFileSync(join(folder, '.parity', 'plan.json'), 'utf8')) as Plan,
        host: JSON.parse(host.stdout) as Snapshot,
        image: JSON.parse(image.stdout) as Snapshot,
    };
}

/** The facts the recipe carries agree; the runtime is the one that runs here. */
function assertAgree({ folder, tag, env, plan, host, image }: Packaged, runtime: RuntimeName): void {
    // What a user sees: parity diff of this machine with the image finds no risk, and says why the rest differs.
    const diff = runParity(
        ['diff', '--from', `host:${folder}`, '--to', `image:${tag}`, '--format', 'json', '--fail-on', 'warning'],
        { env: { DOCKER_HOST: '', ...env } },
    );
    const report = JSON.parse(diff.stdout) as DiffReport;
    const risks = report.findings
        .filter((finding) => finding.severity !== 'info')
        .map((finding) => `${finding.severity} ${finding.rule} ${finding.key}: ${finding.message}`);
    assert.deepEqual(risks, [], 'a freshly packaged example diffed with this machine has no warnings or errors');
    assert.equal(diff.code, 0, diff.stderr);
    assert.ok(
        report.findings.some((finding) => finding.facet === 'user' && /non-root/.test(finding.byDesign ?? '')),
        'the non-root user is reported as by design',
    );

    assert.equal(host.locale.encoding, 'UTF-8');
    assert.equal(image.locale.encoding, 'UTF-8', `the image runs in ${image.locale.effective}`);
    assert.ok(
        image.locale.effective === host.locale.effective || matchesByDesign(plan.byDesign, 'locale', 'effective'),
        `${host.locale.effective} here, ${image.locale.effective} in the image`,
    );
    assert.equal(image.timezone.offsetMinutes, host.timezone.offsetMinutes);
    assert.ok(
        image.timezone.name === host.timezone.name || matchesByDesign(plan.byDesign, 'timezone', 'name'),
        `${String(host.timezone.name)} here, ${String(image.timezone.name)} in the image`,
    );
    assert.equal(image.runtimes[runtime]?.installed?.version, host.runtimes[runtime]?.installed?.version);
    // Where the image's user differs from this machine's, the plan says why.
    if (image.user?.uid !== host.user?.uid) {
        assert.match(matchesByDesign(plan.byDesign, 'user', 'uid')?.reason ?? '', /non-root/);
    }
}

describe('a packaged example agrees with this machine (the built CLI, real engine)', () => {
    before(requireEngine);
    after(() => {
        for (const tag of tags) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Never built.
            }
        }
    });

    it("hello-node in this machine's C.UTF-8 and UTC: the image runs in C.UTF-8 too", () => {
        const packaged = packageAndProbe('hello-node', { LANG: 'C.UTF-8', LC_ALL: '', TZ: '' });
        assertAgree(packaged, 'node');
        assert.deepEqual(packaged.plan.locale.value, { LANG: 'C.UTF-8' });
        assert.equal(packaged.plan.timezone.value, null);
        assert.equal(packaged.image.locale.effective, 'C.UTF-8');
    });

    it('hello-python in en_US.UTF-8 and Europe/Berlin: UTF-8 and Berlin time in the image, the language part by design', () => {
        const packaged = packageAndProbe('hello-python', { LANG: 'en_US.UTF-8', LC_ALL: '', TZ: 'Europe/Berlin' });
        assert.equal(packaged.host.timezone.name, 'Europe/Berlin');
        assert.equal(packaged.plan.timezone.value, 'Europe/Berlin');
        assert.equal(packaged.image.timezone.name, 'Europe/Berlin');
        assert.equal(packaged.image.locale.effective, 'C.UTF-8');
        assert.match(matchesByDesign(packaged.plan.byDesign, 'locale', 'effective')?.reason ?? '', /locales package/);
        assertAgree(packaged, 'python');
    });
});
