// A cloned repository is hostile input: snapshotting it must not run a line of its code. Each file below
// writes a marker when it runs; after the snapshot no marker may exist, and the real runtimes are still found.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { captureHost } from '../../src/targets/host/captureHost';
import { projectBeside } from '../support/projectBeside';

/** Temp folders named with a space, as a clone may be; markers land in their own folder. */
function sandbox(): { base: string; markers: string; project: string } {
    const { base, project, outside: markers } = projectBeside('hostile', 'markers');
    return { base, markers, project };
}

function script(path: string, body: string): void {
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
}

/** What a shell started outside any project finds, or null. */
function onHost(command: string): string | null {
    try {
        return execFileSync('sh', ['-c', `command -v ${command}`], { cwd: tmpdir(), encoding: 'utf8' }).trim() || null;
    } catch {
        return null;
    }
}

/** A project pinning yarn through a yarnPath that points at its own JS file. */
function yarnProject(project: string, markers: string): void {
    writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'hostile', packageManager: 'yarn@4.1.0', scripts: { start: 'node server.js' } }),
    );
    writeFileSync(join(project, 'yarn.lock'), '');
    mkdirSync(join(project, '.yarn', 'releases'), { recursive: true });
    writeFileSync(
        join(project, '.yarn', 'releases', 'yarn-4.1.0.cjs'),
        `require('fs').writeFileSync(${JSON.stringify(join(markers, 'yarnPath'))}, '')\n`,
    );
    writeFileSync(join(project, '.yarnrc.yml'), 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\n');
    writeFileSync(join(project, '.yarnrc'), 'yarn-path ".yarn/releases/yarn-4.1.0.cjs"\n');
}

/**
 * yarn itself is not installed here: this stand-in does what yarn 1.22 and 2+ do — run the file the
 * working folder's .yarnrc.yml names as yarnPath, unless YARN_IGNORE_PATH=1. Returns the folder it is in.
 */
function yarnStandIn(base: string): string {
    const tools = join(base, 'tools');
    mkdirSync(tools);
    script(
        join(tools, 'yarn'),
        [
            'if [ "$YARN_IGNORE_PATH" != 1 ] && [ -f .yarnrc.yml ]; then',
            `  exec ${JSON.stringify(process.execPath)} "$(sed -n 's/^yarnPath: *//p' .yarnrc.yml)" "$@"`,
            'fi',
            'echo 1.22.22',
        ].join('\n'),
    );
    return tools;
}

describe('captureHost on a hostile project', () => {
    it("a yarnPath in the project is never run to learn yarn's version", async () => {
        const { base, markers, project } = sandbox();
        yarnProject(project, markers);
        const env = { ...process.env, PATH: `${yarnStandIn(base)}:${process.env.PATH ?? ''}` };
        const snapshot = await captureHost(project, { toolVersion: '0.0.0-test', log: silentLogger, env });
        assert.deepEqual(readdirSync(markers), [], "the project's yarnPath ran");
        assert.equal(snapshot.packageManagers.find((manager) => manager.name === 'yarn')?.installed, '1.22.22');
    });

    it('imports no project module, follows no yarnPath, runs nothing found through "." or "" on PATH', async () => {
        const { base, markers, project } = sandbox();
        const mark = (name: string): string => JSON.stringify(join(markers, name));
        for (const module of ['json', 'sitecustomize', 'usercustomize', 'os', 'sysconfig']) {
            writeFileSync(join(project, `${module}.py`), `open(${mark(`${module}.py`)}, 'w').close()\n`);
        }
        writeFileSync(join(project, 'json.rb'), `File.write(${mark('json.rb')}, '')\n`);
        writeFileSync(join(project, 'requirements.txt'), 'flask==3.0.0\n');
        yarnProject(project, markers);
        for (const tool of ['python3', 'python', 'node', 'dpkg-query', 'apk', 'rpm', 'yarn', 'java', 'sh']) {
            script(join(project, tool), `: > ${mark(`./${tool}`)}`);
        }
        const tools = yarnStandIn(base);

        const env = { ...process.env, PATH: `.::${tools}:${process.env.PATH ?? ''}` };
        const snapshot = await captureHost(project, { toolVersion: '0.0.0-test', log: silentLogger, env });

        assert.deepEqual(readdirSync(markers), [], 'project code ran during the snapshot');
        assert.equal(
            snapshot.packageManagers.find((manager) => manager.name === 'yarn')?.installed,
            '1.22.22',
            "the machine's yarn answered, outside the project",
        );
        if (onHost('python3')) {
            assert.ok(
                snapshot.runtimes.python?.installed,
                `python3 is on this machine, so it must still be found: ${JSON.stringify(snapshot.issues)}`,
            );
        }
        if (onHost('node')) {
            assert.ok(snapshot.runtimes.node?.installed);
        }
        if (onHost('dpkg-query')) {
            assert.equal(snapshot.systemPackages?.manager, 'dpkg');
        }
    });

    it("a .python-version climbing out of pyenv's versions folder runs nothing and says so", async () => {
        const { base, markers, project } = sandbox();
        // A pyenv root laid out as pyenv lays it out; its shim does what pyenv before 2.3.3 did with the version.
        const pyenv = join(base, 'pyenv');
        mkdirSync(join(pyenv, 'shims'), { recursive: true });
        mkdirSync(join(pyenv, 'versions', '3.12.1', 'bin'), { recursive: true });
        script(join(pyenv, 'shims', 'python3'), 'exec "$PYENV_ROOT/versions/$(cat .python-version)/bin/python3" "$@"');
        script(join(pyenv, 'shims', 'python'), 'exec "$PYENV_ROOT/versions/$(cat .python-version)/bin/python" "$@"');
        const evil = join(base, 'evil');
        mkdirSync(join(evil, 'bin'), { recursive: true });
        script(join(evil, 'bin', 'python3'), `: > ${JSON.stringify(join(markers, 'evil-python3'))}`);
        script(join(evil, 'bin', 'python'), `: > ${JSON.stringify(join(markers, 'evil-python'))}`);
        const traversal = `${'../'.repeat(join(pyenv, 'versions').split('/').length)}${evil.slice(1)}`;
        writeFileSync(join(project, '.python-version'), `${traversal}\n`);
        writeFileSync(join(project, 'requirements.txt'), 'flask==3.0.0\n');

        const env: NodeJS.ProcessEnv = {
            ...process.env,
            PYENV_ROOT: pyenv,
            PATH: `${join(pyenv, 'shims')}:/usr/bin:/bin`,
        };
        delete env.PYENV_VERSION;
        const snapshot = await captureHost(project, { toolVersion: '0.0.0-test', log: silentLogger, env });

        assert.deepEqual(readdirSync(markers), [], "the program outside pyenv's versions ran");
        assert.equal(snapshot.runtimes.python?.installed, null);
        const issue = snapshot.issues.find((found) => found.at?.file === '.python-version');
        assert.equal(issue?.at?.line, 1);
        assert.match(issue?.message ?? '', /^\.python-version:1 pins python to ".*", which contains "\.\."/);
        assert.ok(existsSync(join(evil, 'bin', 'python3')));
    });
});
