// A canary secret value planted where secrets live on both sides of a diff — the CLI's own environment, a
// project's .env, a container's env and an image's config — reaches no output of `parity diff`, in any format:
// not stdout, not the verbose log on stderr, not the --out file.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { type ParityRun, runParity } from '../support/runParity';
import { DRIFT_LABEL, startContainer, WORKS_IMAGE } from './diffTestImages';
import { requireEngine } from './requireEngine';

const canary = `diff-canary-${randomBytes(12).toString('hex')}`;
const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const CONTAINER = `parity-test-diff-canary-${process.pid}`;
const IMAGE = `parity-test/diff-canary:${process.pid}`;

function assertNoCanary(what: string, text: string): void {
    assert.ok(!text.includes(canary), `the canary leaked into ${what}`);
}

describe('a canary secret reaches no output of parity diff, in any format (the built CLI, real engine)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity diff canary '));
    const folder = join(scratch, 'hello-express');
    // The user's env hash key would be written here; the diff itself hashes with a fresh key per comparison.
    const env = {
        DOCKER_HOST: '',
        XDG_CONFIG_HOME: join(scratch, 'config'),
        API_TOKEN: canary,
        PARITY_CANARY_SECRET: `${canary}-host`,
    };
    const outputs: [string, string][] = [];

    before(async () => {
        await requireEngine();
        cpSync(join(__dirname, '..', '..', 'examples', 'hello-express'), folder, { recursive: true });
        writeFileSync(join(folder, '.env'), `API_TOKEN=${canary}\nDATABASE_URL=postgres://app:${canary}@db/app\n`);
        const context = join(scratch, 'image');
        mkdirSync(context);
        writeFileSync(
            join(context, 'Dockerfile'),
            `FROM ${WORKS_IMAGE}\nENV API_TOKEN=${canary}-image SESSION_SECRET=${canary}\n`,
        );
        dockerCli(['build', '--quiet', '--label', DRIFT_LABEL, '--tag', IMAGE, context], {
            ...process.env,
            DOCKER_HOST: '',
            DOCKER_BUILDKIT: '0',
        });
        startContainer(CONTAINER, WORKS_IMAGE, [
            '--env',
            `API_TOKEN=${canary}-cloud`,
            '--env',
            `DATABASE_URL=${canary}`,
            '--env',
            `PARITY_CANARY_SECRET=${canary}`,
        ]);

        const runs: [string, string[]][] = [
            ['host → container', ['--from', `host:${folder}`, '--to', `container:${CONTAINER}`]],
            [
                'host → image → container',
                ['--from', `host:${folder}`, '--via', `image:${IMAGE}`, '--to', `container:${CONTAINER}`],
            ],
        ];
        for (const [sides, args] of runs) {
            for (const format of FORMATS) {
                const out = join(scratch, `report ${sides.replace(/\W+/g, '-')}.${format}`);
                const toStdout = runParity(['diff', ...args, '--format', format, '--fail-on', 'info', '-v'], { env });
                const toFile = runParity(
                    ['diff', ...args, '--format', format, '--fail-on', 'info', '--out', out, '-v'],
                    { env },
                );
                for (const [how, result] of [
                    ['stdout', toStdout],
                    ['--out', toFile],
                ] as [string, ParityRun][]) {
                    // Findings exist, so exit 1 at --fail-on info; anything else and the diff did not run as planted: its silence would prove nothing.
                    assert.equal(
                        result.code,
                        1,
                        `${sides} --format ${format} (${how}) exited ${result.code}: ${result.stderr}`,
                    );
                    outputs.push(
                        [`${sides} ${format} (${how}) stdout`, result.stdout],
                        [`${sides} ${format} (${how}) stderr`, result.stderr],
                    );
                }
                outputs.push([`${sides} ${format} --out file`, readFileSync(out, 'utf8')]);
            }
        }
    });
    after(() => {
        dockerCli(['rm', '--force', CONTAINER]);
        if (dockerCli(['image', 'ls', '--quiet', IMAGE]) !== '') {
            dockerCli(['image', 'rm', IMAGE]);
        }
        rmSync(scratch, { recursive: true, force: true });
    });

    it('the planted secrets are there to be found: the report names them, flagged secret and differing (the test can fail)', () => {
        const json = outputs.find(([what]) => what === 'host → container json --out file')?.[1] ?? '';
        const report = JSON.parse(json) as {
            findings: { facet: string; key: string; rule: string; secret?: boolean }[];
        };
        const token = report.findings.find((finding) => finding.facet === 'env' && finding.key === 'API_TOKEN');
        assert.equal(token?.rule, 'env.value', 'API_TOKEN is set on both sides with another value');
        assert.equal(token.secret, true);
        assert.ok(readFileSync(join(folder, '.env'), 'utf8').includes(canary));
        assert.ok(dockerCli(['inspect', '--format', '{{json .Config.Env}}', CONTAINER]).includes(canary));
    });

    it('no format prints it: text, json, markdown and sarif — stdout, stderr and the --out file', () => {
        assert.equal(outputs.length, 2 * FORMATS.length * 5);
        for (const [what, text] of outputs) {
            assertNoCanary(what, text);
        }
    });
});
