import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { fixtureDir, snapshotFor } from './snapshotFor';

const ROOT = '/home/dev/guestbook';

describe('Pipenv plans', () => {
    it('Pipfile.lock: the locked [packages] into the venv, --deploy, the pinned Pipenv, mysqlclient found at its lock line', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('python-pipenv-flask'), {
                installed: { python: '3.12.1' },
                tools: { pipenv: '2024.0.1' },
            }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.packageManager?.name, 'pipenv');
        assert.deepEqual(plan.packageManager?.manifests, ['Pipfile', 'Pipfile.lock']);
        assert.deepEqual(plan.packageManager?.setup, [
            ['python', '-m', 'venv', '/opt/venv'],
            ['pip', 'install', 'pipenv==2024.0.1'],
        ]);
        assert.deepEqual(plan.packageManager?.install, ['pipenv', 'install', '--deploy', '--ignore-pipfile']);
        assert.equal(plan.packageManager?.env.VIRTUAL_ENV, '/opt/venv');
        assert.deepEqual(plan.systemPackages?.runtime, ['libmariadb3']);
        assert.match(
            plan.systemPackages?.why[0] ?? '',
            /^mysqlclient \(Pipfile\.lock:\d+\): .*locked as a dependency of another package/,
        );
        assert.ok(!plan.warnings.some((warning) => warning.includes('pipenv is neither pinned')));
    });

    it('a Pipfile without its lock: resolved at build time, and a warning says so; an unpinned Pipenv is warned about', async () => {
        const snapshot = await snapshotFor(fixtureDir('python-pipenv-flask'), { installed: { python: '3.12.1' } });
        const plan = planFromSnapshot(
            { ...snapshot, lockfiles: snapshot.lockfiles.filter((lockfile) => lockfile.file !== 'Pipfile.lock') },
            { projectRoot: ROOT },
        );
        assert.deepEqual(plan.packageManager?.install, ['pipenv', 'install']);
        assert.deepEqual(plan.packageManager?.manifests, ['Pipfile']);
        assert.ok(plan.warnings.some((warning) => warning.startsWith('No Pipfile.lock')));
        assert.ok(plan.warnings.some((warning) => warning.startsWith('pipenv is neither pinned nor installed here')));
    });
});
