// What `parity ps`, `parity stop` and `parity clean` count as Parity's: only containers Parity itself created,
// never one that merely inherits `parity.*` labels from its image (a Parity build, or a Dockerfile that
// claims them). The built CLI against the real engine. `parity clean` removes every genuine Parity container
// on the engine — that is its job — so it runs once, last, and the assertions look at this suite's own only.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createThrowaway, throwawayName } from '../../src/engine/ThrowawayContainer';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';
import { client } from './sandboxTestKit';

const env = { DOCKER_HOST: '' };
/** On both images, so every container of this suite inherits it and `after` finds them all. */
const SCOPE = `ownership-${process.pid}`;
const built = `parity-test/ownership-built:${process.pid}`;
const hostile = `parity-test/ownership-hostile:${process.pid}`;
const plainRun = `parity-test-plain-run-${process.pid}`;
const impostor = `parity-test-impostor-${process.pid}`;
const unlabelled = `parity-test-unlabelled-${process.pid}`;

function state(name: string): string {
    return dockerCli(['inspect', '--format', '{{.State.Status}}', name]);
}

describe("only containers Parity created are Parity's (the built CLI, real engine)", () => {
    let folder = '';
    let sandbox = '';
    let throwaway = '';
    let volume = '';

    before(async () => {
        await requireEngine();
        folder = mkdtempSync(join(tmpdir(), 'parity-ownership-'));
        // Built by Parity, so it carries parity.managed=true; its VOLUME gives a plain run an anonymous volume.
        mkdirSync(join(folder, 'built'));
        writeFileSync(
            join(folder, 'built', 'Dockerfile'),
            `FROM busybox:latest\nLABEL parity.test=${SCOPE}\nVOLUME /data\nCMD ["sleep", "300"]\n`,
        );
        const build = runParity(['build', join(folder, 'built'), '--tag', built], { env });
        assert.equal(build.code, 0, build.stderr);
        assert.equal(
            dockerCli(['image', 'inspect', '--format', '{{index .Config.Labels "parity.managed"}}', built]),
            'true',
        );
        // Built by someone else, claiming every label a Parity sandbox has, parity.container included.
        mkdirSync(join(folder, 'hostile'));
        writeFileSync(
            join(folder, 'hostile', 'Dockerfile'),
            [
                'FROM busybox:latest',
                `LABEL parity.managed=true parity.purpose=sandbox parity.container=parity-sandbox-hostile-000000 parity.project=/work/shop parity.test=${SCOPE}`,
                'CMD ["sh", "-c", "echo ok > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]',
            ].join('\n'),
        );
        dockerCli(['build', '--quiet', '--tag', hostile, join(folder, 'hostile')]);

        dockerCli(['run', '-d', '--name', plainRun, built]);
        volume = dockerCli(['inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', plainRun]);
        dockerCli(['run', '-d', '--name', impostor, hostile]);
        dockerCli([
            'create',
            '--name',
            unlabelled,
            '--label',
            `parity.test=${SCOPE}`,
            'busybox:latest',
            'sleep',
            '300',
        ]);
        // Parity's own sandbox of the hostile image, and a throwaway container left behind before it started.
        const started = runParity(['run', hostile, '--port', '8080', '--detach'], { env });
        assert.equal(started.code, 0, started.stderr);
        sandbox = started.stdout.trim();
        throwaway = throwawayName('probe');
        const docker = await client.sandboxDeps().dockerode();
        await createThrowaway(
            docker,
            built,
            throwaway,
            { purpose: 'probe', entrypoint: ['sh', '-c'], cmd: ['true'] },
            AbortSignal.timeout(10_000),
        );
    });

    after(() => {
        const mine = dockerCli(['ps', '-aq', '--filter', `label=parity.test=${SCOPE}`])
            .split('\n')
            .filter(Boolean);
        for (const id of mine) {
            dockerCli(['rm', '--force', '--volumes', id]);
        }
        for (const image of [built, hostile]) {
            dockerCli(['rmi', '--force', image]);
        }
        if (volume) {
            dockerCli(['volume', 'rm', '--force', volume]);
        }
        rmSync(folder, { recursive: true, force: true });
    });

    it("ps lists Parity's sandbox, even of an image claiming the labels, and neither the impostor nor a plain run", () => {
        const listed = runParity(['ps', '--json'], { env });
        assert.equal(listed.code, 0, listed.stderr);
        const names = (JSON.parse(listed.stdout) as { name: string }[]).map((row) => row.name);
        assert.ok(names.includes(sandbox), `${sandbox} in ${names.join(', ')}`);
        assert.ok(!names.includes(impostor), `the impostor is listed: ${names.join(', ')}`);
        assert.ok(!names.includes(plainRun), `the plain run is listed: ${names.join(', ')}`);
    });

    it('stop refuses the impostor, a plain run of a Parity image and an unlabelled container, and leaves them as they were', () => {
        for (const name of [impostor, plainRun, unlabelled]) {
            const refused = runParity(['stop', name], { env });
            assert.equal(refused.code, 2, `${name}: ${refused.stderr}`);
            assert.equal(refused.stdout, '');
            assert.match(
                refused.stderr,
                new RegExp(`parity: ${name} is not a Parity sandbox; Parity leaves it alone\\.`),
            );
        }
        assert.deepEqual([impostor, plainRun, unlabelled].map(state), ['running', 'running', 'created']);
    });

    it("clean removes Parity's sandbox and leftover throwaway container, and nothing it did not create", () => {
        const result = runParity(['clean'], { env });
        assert.equal(result.code, 0, result.stderr);
        const removed = result.stdout.split('\n').filter(Boolean);
        assert.ok(removed.includes(sandbox), result.stdout);
        assert.ok(removed.includes(throwaway), result.stdout);
        for (const name of [impostor, plainRun, unlabelled]) {
            assert.ok(!removed.includes(name), `${name} was removed`);
        }
        assert.match(
            result.stderr,
            /Removed \d+ containers Parity created \(\d+ sandbox(es)?, \d+ other\); images and other containers are untouched\./,
        );
        assert.equal(dockerCli(['ps', '-aq', '--filter', `name=^(${sandbox}|${throwaway})$`]), '');
        assert.deepEqual([impostor, plainRun, unlabelled].map(state), ['running', 'running', 'created']);
        assert.ok(volume, 'the plain run has an anonymous volume');
        assert.equal(
            dockerCli(['volume', 'inspect', '--format', '{{.Name}}', volume]),
            volume,
            'its anonymous volume stays',
        );
        assert.match(dockerCli(['image', 'inspect', '--format', '{{.Id}}', built]), /^sha256:/, 'images stay');
    });
});
