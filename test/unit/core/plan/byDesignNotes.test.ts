import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesByDesign } from '../../../../src/core/plan/matchesByDesign';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { planToText } from '../../../../src/core/plan/planToText';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { EXTRA_CA, exampleDir, snapshotFor } from './snapshotFor';

const hash = 'a'.repeat(64);

async function nodeSnapshot(extra: Partial<Snapshot> = {}, extraCas = [EXTRA_CA]): Promise<Snapshot> {
    return { ...(await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' }, extraCas })), ...extra };
}

describe('plan.byDesign', () => {
    it('names every difference Parity makes on purpose, with its reason', async () => {
        const snapshot = await nodeSnapshot({
            env: {
                API_TOKEN: { sha256: hash, secret: true, source: 'process' },
                SESSION_SECRET: { sha256: hash, secret: true, source: { kind: 'dotenv', file: '.env', line: 2 } },
            },
            certificates: { extra: [EXTRA_CA], settings: { NODE_EXTRA_CA_CERTS: '/home/dev/corp.pem' } },
        });
        const notes = planFromSnapshot(snapshot, { projectRoot: '/home/dev/hello-node' }).byDesign;
        const reason = (facet: Parameters<typeof matchesByDesign>[1], key: string): string | undefined =>
            matchesByDesign(notes, facet, key)?.reason;

        for (const key of ['uid', 'gid', 'name', 'home', 'root']) {
            assert.match(reason('user', key) ?? '', /non-root user node/);
        }
        assert.match(reason('certificates', 'extra') ?? '', /only to the dependency installs/);
        assert.match(reason('certificates', 'settings.NODE_EXTRA_CA_CERTS') ?? '', /paths exist only here/);
        assert.match(
            reason('env', 'NODE_EXTRA_CA_CERTS') ?? '',
            /paths exist only here/,
            'the same setting seen as a variable',
        );
        assert.match(reason('app', 'workingDir') ?? '', /\/app/);
        assert.match(reason('app', 'root') ?? '', /\/app/);
        assert.match(reason('runtimes', 'node.installed.path') ?? '', /official base image/);
        assert.match(
            reason('env', 'PATH') ?? '',
            /the plan sets PATH=\/app\/node_modules\/\.bin:/,
            "the app's own binaries first, as npm start has them",
        );
        assert.match(reason('env', 'NODE_ENV') ?? '', /NODE_ENV=production/);
        assert.match(reason('env', 'NODE_VERSION') ?? '', /official base image/);
        for (const own of [
            'HOME',
            'SSH_AUTH_SOCK',
            'XDG_RUNTIME_DIR',
            'VSCODE_IPC_HOOK_CLI',
            'TERM_PROGRAM',
            'NVM_DIR',
        ]) {
            assert.match(reason('env', own) ?? '', /copies none of them/, own);
        }
        assert.match(reason('env', 'API_TOKEN') ?? '', /never baked into an image/);
        assert.equal(
            matchesByDesign(notes, 'env', 'API_TOKEN')?.imageOnly,
            true,
            'a credential missing where the app runs is still a risk',
        );
        assert.equal(
            matchesByDesign(notes, 'user', 'uid')?.imageOnly,
            undefined,
            'the non-root user holds wherever the image runs',
        );
        assert.match(reason('env', 'SESSION_SECRET') ?? '', /never baked|\.env is not copied/);
        assert.ok(
            notes.some(
                (note) =>
                    note.facet === 'env' && note.key === 'SESSION_SECRET' && /\.env is not copied/.test(note.reason),
            ),
        );
        assert.match(reason('systemPackages', 'libssl3') ?? '', /slim base image/);

        // What is a risk stays one: an app variable, the runtime version, the locale and time zone that now agree.
        for (const [facet, key] of [
            ['env', 'NODE_OPTIONS'],
            ['env', 'DEBUG'],
            ['runtimes', 'node.installed.version'],
            ['locale', 'effective'],
            ['timezone', 'name'],
            ['limits', 'nofile'],
            ['umask', 'umask'],
        ] as const) {
            assert.equal(matchesByDesign(notes, facet, key), undefined, `${facet}.${key}`);
        }
    });

    it('keeps the CAs off the list when the plan bakes them in, and the CA notes away when there are none', async () => {
        const baked = planFromSnapshot(await nodeSnapshot(), {
            projectRoot: '/home/dev/hello-node',
            bakeCa: true,
        }).byDesign;
        assert.equal(matchesByDesign(baked, 'certificates', 'extra'), undefined);
        const none = planFromSnapshot(await nodeSnapshot({}, []), { projectRoot: '/home/dev/hello-node' }).byDesign;
        assert.ok(!none.some((note) => note.facet === 'certificates'));
    });

    it("names the Python image's own user and tooling variables", async () => {
        const notes = planFromSnapshot(
            await snapshotFor(exampleDir('hello-python'), { installed: { python: '3.12.1' } }),
            { projectRoot: '/home/dev/hello-python' },
        ).byDesign;
        assert.match(matchesByDesign(notes, 'user', 'name')?.reason ?? '', /non-root user app/);
        assert.match(matchesByDesign(notes, 'env', 'PYTHON_VERSION')?.reason ?? '', /official base image/);
        assert.match(matchesByDesign(notes, 'env', 'GPG_KEY')?.reason ?? '', /official base image/);
    });

    it('is listed in the plan text, one line per reason', async () => {
        const text = planToText(planFromSnapshot(await nodeSnapshot(), { projectRoot: '/home/dev/hello-node' }));
        assert.match(text, /^Locale: LANG=C\.UTF-8\n {2}why: this machine runs in C\.UTF-8/m);
        assert.match(text, /^Time zone: \(UTC\)\n {2}why: this machine runs in UTC/m);
        assert.match(
            text,
            /^Different from this machine by design:\n {2}- user\.uid, user\.gid, user\.name, user\.home and 1 more: the app runs as the non-root user node/m,
        );
        assert.match(
            text,
            /^ {2}- env\.HOME, env\.HOSTNAME, env\.USER, env\.LOGNAME and \d+ more: this machine's own variable/m,
        );
    });
});

describe('matchesByDesign', () => {
    const notes = [
        { facet: 'env', key: 'SSH_*', reason: 'r' },
        { facet: 'env', key: 'PATH', reason: 'p' },
    ] as const;
    it('matches exact keys and globs, within the facet only', () => {
        assert.equal(matchesByDesign(notes, 'env', 'SSH_AUTH_SOCK')?.reason, 'r');
        assert.equal(matchesByDesign(notes, 'env', 'PATH')?.reason, 'p');
        assert.equal(matchesByDesign(notes, 'env', 'XPATH'), undefined);
        assert.equal(matchesByDesign(notes, 'env', 'MY_SSH_KEYS'), undefined);
        assert.equal(matchesByDesign(notes, 'user', 'PATH'), undefined);
    });
});
