import assert from 'node:assert/strict';
import {
    chmodSync,
    existsSync,
    lstatSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ProjectPathError } from '../../../src/core/ProjectPathError';
import { MAX_PROJECT_FILE_BYTES, readProjectFile } from '../../../src/core/readProjectFile';
import { writeProjectFile } from '../../../src/core/writeProjectFile';
import { projectBeside } from '../../support/projectBeside';

/** A project and, beside it, a folder the project must never reach, both under a path with a space. */
function layout(): { project: string; outside: string; victim: string } {
    const { project, outside } = projectBeside('write');
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    return { project, outside, victim };
}

function refusal(pattern: RegExp): (error: unknown) => boolean {
    return (error) => error instanceof ProjectPathError && pattern.test(error.message);
}

describe('writeProjectFile never writes through a link or out of the project', () => {
    it('a file that is a link: refused, naming the link and where it points; the target is untouched', async () => {
        const { project, victim } = layout();
        mkdirSync(join(project, '.parity'));
        symlinkSync(victim, join(project, '.parity', 'plan.json'));
        await assert.rejects(
            writeProjectFile(project, '.parity/plan.json', '{}'),
            refusal(
                new RegExp(
                    `${join(project, '.parity', 'plan.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a symbolic link \\(to ${victim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`,
                ),
            ),
        );
        assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
        assert.ok(lstatSync(join(project, '.parity', 'plan.json')).isSymbolicLink());
    });

    it('a .parity folder that is a link: refused; nothing lands in the folder it points to', async () => {
        const { project, outside } = layout();
        symlinkSync(outside, join(project, '.parity'));
        await assert.rejects(
            writeProjectFile(project, '.parity/recipe.json', '{}'),
            refusal(/\.parity is a symbolic link/),
        );
        assert.deepEqual(readdirSync(outside), ['victim.txt']);
    });

    it('a link to a folder inside the project, deeper on the way: refused too, nothing created', async () => {
        const { project } = layout();
        mkdirSync(join(project, 'real'));
        symlinkSync(join(project, 'real'), join(project, 'apps'));
        await assert.rejects(
            writeProjectFile(project, 'apps/api/Dockerfile', 'FROM x\n'),
            refusal(/apps is a symbolic link/),
        );
        assert.deepEqual(readdirSync(join(project, 'real')), []);
    });

    it('a path that leaves the project, or something that is not a regular file: refused', async () => {
        const { project, outside } = layout();
        await assert.rejects(
            writeProjectFile(project, '../outside/victim.txt', 'x'),
            refusal(/not a file inside the project/),
        );
        await assert.rejects(
            writeProjectFile(project, join(outside, 'victim.txt'), 'x'),
            refusal(/not a file inside the project/),
        );
        mkdirSync(join(project, 'Dockerfile'));
        await assert.rejects(writeProjectFile(project, 'Dockerfile', 'x'), refusal(/is not a regular file/));
        await assert.rejects(writeProjectFile(join(project, 'missing'), 'Dockerfile', 'x'), refusal(/does not exist/));
        assert.ok(!existsSync(join(project, 'missing')));
    });

    it('a normal write: folders created, content replaced atomically, permissions kept, no temporary file left', async () => {
        const { project } = layout();
        const path = await writeProjectFile(project, '.parity/plan.json', 'one\n');
        assert.equal(path, join(project, '.parity', 'plan.json'));
        chmodSync(path, 0o640);
        await writeProjectFile(project, '.parity/plan.json', 'two\n');
        assert.equal(readFileSync(path, 'utf8'), 'two\n');
        assert.equal(statSync(path).mode & 0o777, 0o640);
        writeFileSync(join(project, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
        chmodSync(join(project, 'run.sh'), 0o755);
        await writeProjectFile(project, 'run.sh', '#!/bin/sh\necho hi\n');
        assert.equal(statSync(join(project, 'run.sh')).mode & 0o777, 0o755);
        assert.deepEqual(readdirSync(join(project, '.parity')), ['plan.json']);
        assert.deepEqual(readdirSync(project).sort(), ['.parity', 'run.sh']);
    });

    it("a project folder reached through a link (the user's own choice) is written as usual", async () => {
        const { project } = layout();
        const alias = join(project, '..', 'alias');
        symlinkSync(project, alias);
        await writeProjectFile(alias, '.parity/plan.json', '{}\n');
        assert.equal(readFileSync(join(project, '.parity', 'plan.json'), 'utf8'), '{}\n');
    });
});

describe('readProjectFile follows a link only while it stays in the project', () => {
    it('reads a file, a link inside the project, and says undefined for nothing', async () => {
        const { project } = layout();
        mkdirSync(join(project, 'docker'));
        writeFileSync(join(project, 'docker', 'Dockerfile.prod'), 'FROM x\n');
        symlinkSync('docker/Dockerfile.prod', join(project, 'Dockerfile'));
        assert.equal(await readProjectFile(project, 'Dockerfile'), 'FROM x\n');
        assert.equal(await readProjectFile(project, '.dockerignore'), undefined);
    });

    it('refuses a link that leads out of the project, naming both ends', async () => {
        const { project, victim } = layout();
        symlinkSync(victim, join(project, 'Dockerfile'));
        await assert.rejects(
            readProjectFile(project, 'Dockerfile'),
            refusal(/Dockerfile leads to .*victim\.txt, outside the project/),
        );
    });

    it('refuses a FIFO planted as the Dockerfile without waiting for a writer', async () => {
        const { project } = layout();
        execFileSync('mkfifo', [join(project, 'Dockerfile')]);
        await assert.rejects(readProjectFile(project, 'Dockerfile'), refusal(/Dockerfile is not a regular file/));
    });

    it('refuses a file larger than a project file may be, reading no more than the bound', async () => {
        const { project } = layout();
        writeFileSync(join(project, 'Dockerfile'), Buffer.alloc(MAX_PROJECT_FILE_BYTES + 1, 0x41));
        await assert.rejects(
            readProjectFile(project, 'Dockerfile'),
            refusal(/Dockerfile has \d+ bytes, more than the \d+ a project file may have/),
        );
    });
});
