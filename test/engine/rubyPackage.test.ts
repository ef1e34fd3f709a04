// Package App on Ruby projects for real: each fixture is packaged by the CLI through the test bed's gem mirror
// (no RubyGems.org here), runs in the sandbox and answers HTTP; a one-line change rebuilds with the gems cached.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/core/plan/Plan';
import { dockerCli } from '../support/dockerCli';
import { pruneParityImages } from '../support/pruneParityImages';
import { runParity } from '../support/runParity';
import { requireGemMirror } from './gemMirror';
import { requireEngine } from './requireEngine';

const root = join(__dirname, '..', '..');
const tags: string[] = [];
let mirror = '';

/** A copy of the fixture under a path with a space, as a user's clone may be. */
function copyOf(fixture: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity ruby-')), fixture);
    cpSync(join(root, 'test', 'fixtures', 'projects', fixture), folder, { recursive: true });
    return folder;
}

function packageFolder(folder: string, tag: string): string {
    const result = runParity(['package', folder, '--tag', tag], {
        env: { DOCKER_HOST: '', PARITY_RUBYGEMS_MIRROR: mirror },
    });
    assert.equal(result.code, 0, result.stderr);
    return result.stderr;
}

/** Runs the image in Parity's sandbox until the smoke request answers, then stops it. */
function smoke(tag: string, path: string): string {
    const result = runParity(['run', tag, '--smoke', path], { env: { DOCKER_HOST: '' } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`Smoke test: GET ${path} answered 200\\.`));
    return result.stderr;
}

function inImage(tag: string, script: string): string {
    return dockerCli(['run', '--rm', '--network', 'none', '--entrypoint', 'sh', tag, '-c', script]);
}

describe("Package App on Ruby projects (the built CLI, real engine, the test bed's gem mirror)", () => {
    before(async () => {
        await requireEngine();
        mirror = await requireGemMirror();
    });
    after(() => {
        for (const tag of tags) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Never built.
            }
        }
        pruneParityImages();
    });

    const cases = [
        {
            fixture: 'ruby-rack-configru',
            port: 9292,
            path: '/health',
            says: /WEBrick::HTTPServer#start: pid=\d+ port=9292/,
        },
        {
            fixture: 'ruby-sinatra-classic',
            port: 4567,
            path: '/',
            says: /Sinatra \(v3\.0\.5\) has taken the stage on 4567 for production/,
        },
        {
            fixture: 'ruby-procfile-webrick',
            port: 8080,
            path: '/health',
            says: /WEBrick::HTTPServer#start: pid=\d+ port=8080/,
        },
    ];
    for (const { fixture, port, path, says } of cases) {
        it(`${fixture}: builds through the mirror on the Ruby that runs here and answers in the sandbox`, () => {
            const folder = copyOf(fixture);
            const tag = `parity-test/ruby-${fixture}:${process.pid}`;
            tags.push(tag);
            const log = packageFolder(folder, tag);
            assert.match(log, /gem install bundler --version 2\.3\.15 --no-document --clear-sources --source http/);
            const plan = JSON.parse(readFileSync(join(folder, '.parity', 'plan.json'), 'utf8')) as Plan;
            assert.equal(plan.ecosystem, 'ruby');
            assert.equal(plan.base.image, 'ruby:3.1.2-slim-bookworm', "the host's ruby 3.1.2");
            assert.equal(plan.port.value, port);
            assert.match(plan.packageManager?.why ?? '', /gems come from the mirror/);
            assert.match(smoke(tag, path), says);
            const inside = inImage(
                tag,
                'id -un; command -v gcc cc make || true; grep -rl 8808 /usr/local/bundle/config /app/.bundle 2>/dev/null || true; ls /run/secrets 2>/dev/null || true; bundle config get deployment | tail -n 1',
            );
            assert.deepEqual(
                inside.split('\n'),
                ['app', 'Set for your local app (/usr/local/bundle/config): true'],
                'non-root, no compiler, no mirror or CA, deployment mode',
            );
        });
    }

    it('a one-line source change rebuilds with the gems from cache', () => {
        const folder = copyOf('ruby-rack-configru');
        const tag = `parity-test/ruby-rebuild:${process.pid}`;
        tags.push(tag);
        packageFolder(folder, tag);
        // A line no earlier run wrote: BuildKit's cache is by content, so a change seen before would be cached too.
        const line = `"hello again from rack ${randomUUID()}"`;
        const file = join(folder, 'lib', 'greeting.rb');
        writeFileSync(file, readFileSync(file, 'utf8').replace('"hello from rack"', line));
        const log = packageFolder(folder, tag);
        assert.match(log, /=> \[deps \d+\/\d+\] RUN [^\n]*bundle install --jobs 4: cached/, log);
        assert.match(log, /=> \[deps \d+\/\d+\] RUN [^\n]*gem install bundler[^\n]*: cached/);
        assert.match(log, /=> \[stage-1 \d+\/\d+\] COPY --chown=app \. \.: done/, 'the sources were copied again');
        assert.equal(inImage(tag, `grep -c '${line}' lib/greeting.rb`), '1');
    });
});
