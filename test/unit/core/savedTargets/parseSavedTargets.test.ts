import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDiffConfig } from '../../../../src/core/diff/parseDiffConfig';
import { parseSavedTargets } from '../../../../src/core/savedTargets/parseSavedTargets';

const settings = { kind: 'workspace-settings' } as const;

describe('parseSavedTargets', () => {
    it('keeps valid entries with their parsed target, engine included', () => {
        const { targets, problems } = parseSavedTargets(
            [
                {
                    name: 'prod api',
                    target: 'container:api@ssh://deploy@127.0.0.1:2222',
                    description: 'the one that pages',
                },
                { name: 'web', target: 'swarm:parity-web@cloud' },
                { name: 'base', target: 'image:node@sha256:' + 'a'.repeat(64) + '@tcp://127.0.0.1:2376' },
                { name: 'saved', target: 'file:.parity/prod.snapshot.json' },
            ],
            settings,
        );
        assert.deepEqual(problems, []);
        assert.deepEqual(
            targets.map((target) => target.name),
            ['prod api', 'web', 'base', 'saved'],
        );
        const [api, web, base, saved] = targets;
        assert.equal(api?.target.kind, 'container');
        assert.deepEqual(api?.target.kind === 'container' ? api.target.engine : undefined, {
            kind: 'address',
            text: 'ssh://deploy@127.0.0.1:2222',
            address: { kind: 'ssh', host: '127.0.0.1', port: 2222, user: 'deploy' },
        });
        assert.equal(api?.description, 'the one that pages');
        assert.deepEqual(web?.target, {
            kind: 'swarm',
            service: 'parity-web',
            engine: { kind: 'context', name: 'cloud' },
        });
        assert.equal(base?.target.kind === 'image' ? base.target.ref : undefined, `node@sha256:${'a'.repeat(64)}`);
        assert.deepEqual(saved?.target, { kind: 'file', path: '.parity/prod.snapshot.json' });
        assert.equal(api?.origin, settings);
    });

    it('names each bad entry (by name, else by position) and keeps the others', () => {
        const { targets, problems } = parseSavedTargets(
            [
                { name: 'good', target: 'container:api' },
                { name: 'typo', target: 'containr:api' },
                { target: 'container:x' },
                'container:y',
                { name: 'extra', target: 'image:x', engine: 'tcp://h:1' },
                { name: 'host', target: 'host:.' },
                { name: 'good', target: 'image:other' },
                { name: 'bad engine', target: 'container:api@tcp://' },
                { name: 'empty', target: 'container:' },
            ],
            settings,
        );
        assert.deepEqual(
            targets.map((target) => target.name),
            ['good'],
        );
        const byEntry = new Map(problems.map((problem) => [problem.entry, problem.message]));
        assert.match(byEntry.get('"typo"') ?? '', /"containr:api" is not a target kind Parity saves/);
        assert.match(byEntry.get('entry 3') ?? '', /needs a "name"/);
        assert.match(byEntry.get('entry 4') ?? '', /must be an object/);
        assert.match(byEntry.get('"extra"') ?? '', /fields Parity does not know: engine/);
        assert.match(byEntry.get('"host"') ?? '', /not a target kind Parity saves/);
        assert.match(byEntry.get('"good"') ?? '', /another target has this name/);
        assert.match(byEntry.get('"bad engine"') ?? '', /container:api@tcp:\/\//);
        assert.match(byEntry.get('"empty"') ?? '', /.+/);
        assert.equal(problems.length, 8);
        assert.ok(problems.every((problem) => problem.origin === settings));
    });

    it('takes nothing and says so when the value is not a list; nothing at all is no problem', () => {
        assert.deepEqual(parseSavedTargets(undefined, settings), { targets: [], problems: [] });
        assert.deepEqual(
            parseSavedTargets({ name: 'x' }, settings).problems.map((problem) => problem.message),
            ['must be a list of { "name", "target" } entries'],
        );
    });

    it('a name an earlier source took is a problem in the later one', () => {
        const { targets, problems } = parseSavedTargets(
            [{ name: 'api', target: 'container:api' }],
            { kind: 'config-file', file: '.parity/config.json' },
            new Set(['api']),
        );
        assert.equal(targets.length, 0);
        assert.equal(problems[0]?.entry, '"api"');
    });
});

describe('.parity/config.json targets and the diff', () => {
    it('a bad target entry does not stop a diff (the Targets view reports it); a targets that is not a list does', () => {
        assert.deepEqual(
            parseDiffConfig(
                JSON.stringify({ requiredEnv: ['A'], targets: [{ name: 'x', target: 'nope' }, 42] }),
                '.parity/config.json',
            ).requiredEnv,
            ['A'],
        );
        assert.throws(
            () => parseDiffConfig(JSON.stringify({ targets: 'container:api' }), '.parity/config.json'),
            /targets: must be array/,
        );
    });
});
