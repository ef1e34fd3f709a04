// Default image names per project, and what a rebuild leaves behind, with the built CLI on the real engine.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const env = { DOCKER_HOST: '' };
const built: string[] = [];

/** A project named `api` in its own parent folder, under a path with a space; a tiny Dockerfile of its own. */
function apiProject(parent: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity tags ')), parent, 'api');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Dockerfile'), 'FROM busybox:1.35\nLABEL parity.purpose=test\nCOPY a.txt /a.txt\n');
    writeFileSync(join(folder, 'a.txt'), `${parent}\n`);
    return folder;
}

/** `parity build FOLDER` with the default tag; returns the tag and image ID it printed. */
function build(folder: string): { tag: string; id: string } {
    const result = runParity(['build', folder], { env });
    assert.equal(result.code, 0, result.stderr);
    const [tag = '', id = ''] = result.stdout.trim().split(' ');
    built.push(tag);
    return { tag, id };
}

function exists(ref: string): boolean {
    try {
        dockerCli(['image', 'inspect', ref]);
        return true;
    } catch {
        return false;
    }
}

describe('parity build: default tags per project, no leftovers (the built CLI, real engine)', () => {
    before(requireEngine);
    after(() => {
        for (const tag of new Set(built)) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
    });

    it('two projects with the same folder name get different tags, and both images stay', () => {
        const a = build(apiProject('a'));
        const b = build(apiProject('b'));
        assert.match(a.tag, /^api-[0-9a-f]{8}:parity$/);
        assert.match(b.tag, /^api-[0-9a-f]{8}:parity$/);
        assert.notEqual(a.tag, b.tag);
        assert.notEqual(a.id, b.id);
        assert.ok(exists(a.tag) && exists(b.tag), 'neither retagged the other');
        assert.equal(dockerCli(['image', 'inspect', '--format', '{{.Id}}', a.tag]), a.id);
    });

    it('a rebuild after a change removes the image the tag left; an image a container uses stays', () => {
        const folder = apiProject('rebuild');
        const first = build(folder);
        writeFileSync(join(folder, 'a.txt'), 'changed\n');
        const second = build(folder);
        assert.equal(second.tag, first.tag);
        assert.notEqual(second.id, first.id);
        assert.ok(!exists(first.id), 'the previous, now untagged image was removed');
        const dangling = dockerCli([
            'images',
            '--quiet',
            '--no-trunc',
            '--filter',
            'dangling=true',
            '--filter',
            'label=parity.managed=true',
        ]);
        assert.ok(!dangling.includes(second.id) && !dangling.includes(first.id));

        const container = dockerCli(['create', '--label', 'parity.purpose=test', second.tag, 'true']);
        try {
            writeFileSync(join(folder, 'a.txt'), 'changed again\n');
            const third = build(folder);
            assert.notEqual(third.id, second.id);
            assert.ok(exists(second.id), 'still used by a container, so it stays');
        } finally {
            dockerCli(['rm', '--force', container]);
            dockerCli(['rmi', second.id]);
        }
    });
});
