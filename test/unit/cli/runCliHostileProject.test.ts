// The CLI on a cloned repository that tries to make Parity write elsewhere, and on paths and names that
// are not what they should be: exit 2 with one clear line, and nothing written anywhere.
import assert from 'node:assert/strict';
import {
    existsSync,
    lstatSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectBeside } from '../../support/projectBeside';
import { type CliRun, runCliInProcess } from '../../support/runCliInProcess';

// No engine is needed: `recipe` falls back to BuildKit when none answers, and nothing else gets that far.
const env = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/parity-test.sock' };

async function parity(...args: string[]): Promise<CliRun> {
    return await runCliInProcess(env, args);
}

/** A node project and, beside it, a victim file it must never reach — under a path with a space. */
function hostile(): { project: string; outside: string; victim: string } {
    const { project, outside } = projectBeside('cli');
    writeFileSync(
        join(project, 'package.json'),
        '{\n  "name": "app",\n  "scripts": { "start": "node server.js" }\n}\n',
    );
    writeFileSync(join(project, 'server.js'), 'require("http").createServer((q, s) => s.end("hi")).listen(3000);\n');
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    return { project, outside, victim };
}

describe('parity on a hostile project', () => {
    it('plan: a .parity/plan.json linking to a file outside is refused (exit 2); the victim is unchanged', async () => {
        const { project, victim } = hostile();
        mkdirSync(join(project, '.parity'));
        symlinkSync(victim, join(project, '.parity', 'plan.json'));
        const result = await parity('plan', project);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /^parity: .*\.parity\/plan\.json is a symbolic link \(to .*victim\.txt\)/m);
        assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
        assert.ok(lstatSync(join(project, '.parity', 'plan.json')).isSymbolicLink());
    });

    it('plan: a .parity folder linking outside is refused; nothing lands there', async () => {
        const { project, outside } = hostile();
        symlinkSync(outside, join(project, '.parity'));
        const result = await parity('plan', project);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /\.parity is a symbolic link/);
        assert.deepEqual(readdirSync(outside), ['victim.txt']);
    });

    it('recipe --force: a Dockerfile linking to a file outside is refused (exit 2); the victim is unchanged, nothing written', async () => {
        const { project, victim } = hostile();
        symlinkSync(victim, join(project, 'Dockerfile'));
        const result = await parity('recipe', project, '--force');
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /^parity: .*Dockerfile leads to .*victim\.txt, outside the project/m);
        assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
        assert.deepEqual(readdirSync(project).sort(), ['Dockerfile', 'package.json', 'server.js']);
    });

    it('recipe --force: a .dockerignore linking to a file inside the project is refused; the file it names is unchanged', async () => {
        const { project } = hostile();
        writeFileSync(join(project, 'mine.ignore'), 'node_modules\n');
        symlinkSync('mine.ignore', join(project, '.dockerignore'));
        const result = await parity('recipe', project, '--force');
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /\.dockerignore is a symbolic link \(to .*mine\.ignore\)/);
        assert.equal(readFileSync(join(project, 'mine.ignore'), 'utf8'), 'node_modules\n');
        assert.ok(!existsSync(join(project, 'Dockerfile')) && !existsSync(join(project, '.parity')), 'nothing written');
    });

    it('plan / snapshot / recipe / build / package / run on a folder that does not exist or is a file: exit 2, nothing created', async () => {
        const base = mkdtempSync(join(tmpdir(), 'parity cli '));
        const missing = join(base, 'nonexistent');
        const file = join(base, 'file.txt');
        writeFileSync(file, 'not a project\n');
        for (const command of ['plan', 'snapshot', 'recipe', 'build', 'package']) {
            const absent = await parity(command, missing);
            assert.equal(absent.code, 2, `${command}: ${absent.stderr}`);
            assert.match(
                absent.stderr,
                new RegExp(`^parity: There is no folder ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`, 'm'),
                command,
            );
            const onFile = await parity(command, file);
            assert.equal(onFile.code, 2, `${command}: ${onFile.stderr}`);
            assert.match(onFile.stderr, /file\.txt is a file, not a project folder/, command);
        }
        const run = await parity('run', file);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /file\.txt is a file, not a project folder/);
        assert.deepEqual(readdirSync(base), ['file.txt']);
    });

    it('an invalid --tag is refused before any work, saying why', async () => {
        const { project } = hostile();
        for (const tag of ['Foo Bar', 'a:b:c', 'MyApp:1']) {
            for (const command of ['build', 'package']) {
                const result = await parity(command, project, '--tag', tag);
                assert.equal(result.code, 2, result.stderr);
                assert.match(result.stderr, new RegExp(`^parity: --tag: "${tag}" is not a valid image name: `, 'm'));
                assert.doesNotMatch(result.stderr, /unescaped|not reachable/);
            }
        }
        assert.deepEqual(readdirSync(project).sort(), ['package.json', 'server.js'], 'nothing written');
    });

    it('plan names a malformed package.json with its line on stderr', async () => {
        const { project } = hostile();
        writeFileSync(join(project, 'package.json'), '{\n  "name": "app",\n  "scripts": {,\n}\n');
        const result = await parity('plan', project);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /\[warn\] package\.json:3: package\.json is not valid JSON/);
    });
});
