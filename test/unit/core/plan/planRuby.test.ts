import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { EXTRA_CA, fixtureDir, snapshotFor, stagesOf } from './snapshotFor';

const ROOT = '/home/dev/shop';
const MIRROR = 'http://gems.corp.example:8808/';
const folders: string[] = [];

const LOCK = (bundledWith: string | null): string =>
    [
        'GEM',
        '  remote: https://rubygems.org/',
        '  specs:',
        '    rack (2.2.22)',
        '    webrick (1.8.1)',
        '',
        'PLATFORMS',
        '  x86_64-linux',
        '',
        'DEPENDENCIES',
        '  rack',
        '  webrick',
        '',
        ...(bundledWith === null ? [] : ['BUNDLED WITH', `   ${bundledWith}`, '']),
    ].join('\n');

/** A Ruby project in a temporary folder (real files: the detection reads them as it reads a user's). */
function project(files: Readonly<Record<string, string>>): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-ruby-plan-'));
    folders.push(dir);
    for (const [name, text] of Object.entries(files)) {
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

describe('planRuby', () => {
    after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('a Rack app: the Ruby that runs here, Bundler at BUNDLED WITH, deployment mode without dev/test, rackup on 9292', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('ruby-rack-configru'), { installed: { ruby: '3.1.2' } }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.ecosystem, 'ruby');
        assert.equal(plan.base.image, 'ruby:3.1.2-slim-bookworm');
        assert.match(
            plan.base.runtime?.version.why ?? '',
            /^ruby 3\.1\.2 runs this project here and satisfies every pin \(\.ruby-version:1 3\.1\.2/,
        );
        const manager = plan.packageManager;
        assert.equal(manager?.name, 'bundler');
        assert.equal(manager?.version, '2.3.15');
        assert.deepEqual(
            manager?.manifests,
            ['Gemfile', 'Gemfile.lock', '.ruby-version'],
            'the Gemfile reads .ruby-version, so it is copied with it',
        );
        assert.deepEqual(manager?.setup, [
            ['gem', 'install', 'bundler', '--version', '2.3.15', '--no-document'],
            ['bundle', 'config', 'set', '--local', 'deployment', 'true'],
            ['bundle', 'config', 'set', '--local', 'without', 'development test'],
        ]);
        assert.deepEqual(manager?.install, ['bundle', 'install', '--jobs', '4']);
        assert.equal(manager?.env.BUNDLE_FROZEN, 'true');
        assert.equal(plan.systemPackages, undefined, 'rack and webrick are pure Ruby');
        assert.deepEqual(plan.startCommand.value, ['bundle', 'exec', 'rackup', '-o', '0.0.0.0']);
        assert.equal(plan.port.value, 9292);
        assert.deepEqual(plan.env, { RACK_ENV: 'production' });
        assert.equal(plan.user, 'app');
        assert.deepEqual(plan.warnings, []);
        assert.deepEqual(plan.todo, []);
    });

    it('the mirror: gem install and Bundler fetch from it in the build stage only, and the plan says so', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('ruby-rack-configru'), { installed: { ruby: '3.1.2' }, extraCas: [EXTRA_CA] }),
            { projectRoot: ROOT, dependencyMirrors: { rubygems: MIRROR } },
        );
        assert.ok(
            plan.packageManager?.setup.some(
                (command) => command.join(' ') === `bundle config set --global mirror.https://rubygems.org ${MIRROR}`,
            ),
        );
        assert.ok(
            plan.packageManager?.setup.some(
                (command) =>
                    command.join(' ') ===
                    `gem install bundler --version 2.3.15 --no-document --clear-sources --source ${MIRROR}`,
            ),
        );
        assert.match(
            plan.packageManager?.why ?? '',
            new RegExp(`gems come from the mirror ${MIRROR.replace(/[.:/]/g, '\\$&')}`),
        );
        const dockerfile = renderRecipe(plan, { buildkit: true }).dockerfile;
        const [deps = '', final = ''] = stagesOf(dockerfile);
        assert.match(deps, /^RUN bundle config set --global mirror\.https:\/\/rubygems\.org /m);
        assert.match(
            deps,
            /--mount=type=secret,id=parity-ca,target=\/run\/secrets\/parity-ca,required=true\s+\\\n\s+SSL_CERT_FILE=\/run\/secrets\/parity-ca bundle install/,
        );
        assert.doesNotMatch(
            deps,
            /--mount=type=secret[^\n]*\\\n\s+bundle config/,
            'bundle config reaches no network: no CA for it',
        );
        assert.doesNotMatch(
            final,
            /gems\.corp|parity-ca|SSL_CERT_FILE/,
            'neither the mirror nor the CA reach the final image',
        );
        assert.match(final, /^COPY --from=deps \/usr\/local\/bundle \/usr\/local\/bundle$/m);
        assert.match(final, /^COPY --from=deps \/app\/vendor\/bundle \/app\/vendor\/bundle$/m);
        assert.match(
            renderRecipe(plan, { buildkit: true }).dockerignore,
            /^vendor\/bundle\/$/m,
            "the host's installed gems never overwrite the image's",
        );
    });

    it('a Sinatra app and a Procfile-started WEBrick server: their start commands and ports', async () => {
        const sinatra = planFromSnapshot(
            await snapshotFor(fixtureDir('ruby-sinatra-classic'), { installed: { ruby: '3.1.2' } }),
            { projectRoot: ROOT },
        );
        assert.deepEqual(sinatra.startCommand.value, ['bundle', 'exec', 'ruby', 'app.rb', '-o', '0.0.0.0']);
        assert.equal(sinatra.port.value, 4567);
        assert.deepEqual(sinatra.packageManager?.manifests, ['Gemfile', 'Gemfile.lock']);
        const webrick = planFromSnapshot(
            await snapshotFor(fixtureDir('ruby-procfile-webrick'), { installed: { ruby: '3.1.2' } }),
            { projectRoot: ROOT },
        );
        assert.deepEqual(webrick.startCommand.value, ['bundle', 'exec', 'ruby', 'server.rb']);
        assert.deepEqual(webrick.startCommand.at, { file: 'Procfile', line: 1 });
        assert.equal(webrick.port.value, 8080);
        assert.equal(webrick.env.PORT, '8080', 'server.rb reads PORT, so the image sets it');
    });

    it('Rails: the pinned Ruby, native gems compiled in the build stage only, their libraries in the final image, production env', async () => {
        const plan = planFromSnapshot(await snapshotFor(fixtureDir('ruby-rails'), { installed: { ruby: '3.3.0' } }), {
            projectRoot: ROOT,
        });
        assert.equal(plan.base.image, 'ruby:3.3.0-slim-bookworm');
        assert.deepEqual(plan.startCommand.value, ['bin/rails', 'server', '-b', '0.0.0.0']);
        assert.equal(plan.port.value, 3000);
        assert.equal(plan.env.RAILS_ENV, 'production');
        assert.equal(plan.env.PORT, '3000');
        assert.equal(plan.packageManager?.version, '2.5.6');
        assert.ok(plan.systemPackages?.build.includes('libpq-dev'));
        assert.ok(plan.systemPackages?.build.includes('gcc'));
        assert.deepEqual(
            plan.systemPackages?.runtime,
            ['libpq5', 'libyaml-0-2'],
            'pg links libpq; psych 5 (locked) links libyaml',
        );
        assert.match(
            plan.packageManager?.why ?? '',
            /pg, puma, bootsnap.* compile, so the build stage alone gets gcc libpq-dev libyaml-dev make and the final image only libpq5 libyaml-0-2/,
        );
        assert.ok(plan.warnings.some((warning) => warning.startsWith('Rails in production needs SECRET_KEY_BASE')));
        const [deps = '', final = ''] = stagesOf(renderRecipe(plan, { buildkit: true }).dockerfile);
        assert.match(deps, /apt-get install -y --no-install-recommends gcc libpq-dev libyaml-dev make/);
        assert.doesNotMatch(final, /gcc|make|-dev\b/, 'no compiler in the final image');
        assert.match(final, /apt-get install -y --no-install-recommends libpq5 /);
    });

    it('Gemfile.lock without BUNDLED WITH: the image keeps its own Bundler and the plan says how to fix it', async () => {
        const dir = project({
            Gemfile: 'source "https://rubygems.org"\ngem "rack"\ngem "webrick"\n',
            'Gemfile.lock': LOCK(null),
            'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
        });
        const plan = planFromSnapshot(await snapshotFor(dir, { installed: { ruby: '3.1.2' } }), { projectRoot: ROOT });
        assert.equal(plan.packageManager?.version, null);
        assert.ok(
            !plan.packageManager?.setup.some((command) => command[0] === 'gem'),
            'no gem install bundler without a version',
        );
        assert.ok(
            plan.warnings.some((warning) =>
                /^Gemfile\.lock has no BUNDLED WITH section: .*bundle update --bundler/.test(warning),
            ),
            plan.warnings.join('\n'),
        );
    });

    it('BUNDLED WITH that is no version is not passed to gem install', async () => {
        const dir = project({
            Gemfile: 'source "https://rubygems.org"\ngem "rack"\n',
            'Gemfile.lock': LOCK('2.3.15; rm -rf /'),
            'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
        });
        const plan = planFromSnapshot(await snapshotFor(dir, { installed: { ruby: '3.1.2' } }), { projectRoot: ROOT });
        assert.equal(plan.packageManager?.version, null);
        assert.ok(
            plan.warnings.some((warning) => warning.includes('is not a Bundler version')),
            plan.warnings.join('\n'),
        );
        assert.doesNotMatch(renderRecipe(plan, { buildkit: true }).dockerfile, /rm -rf \//);
    });

    it('a Ruby pin that is no version: the note says so and the Ruby that runs here is used', async () => {
        const dir = project({
            '.ruby-version': 'latest-and-greatest\n',
            Gemfile: 'source "https://rubygems.org"\ngem "rack"\n',
            'Gemfile.lock': LOCK('2.3.15'),
            'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
        });
        const snapshot = await snapshotFor(dir, { installed: { ruby: '3.1.2' } });
        assert.match(snapshot.runtimes.ruby?.declared[0]?.note ?? '', /"latest-and-greatest" is not a Ruby version/);
        const plan = planFromSnapshot(snapshot, { projectRoot: ROOT });
        assert.equal(plan.base.image, 'ruby:3.1.2-slim-bookworm');
        assert.ok(
            plan.warnings.some((warning) => warning.startsWith('ruby is not pinned')),
            plan.warnings.join('\n'),
        );
    });

    it('no Gemfile.lock: installs without freezing and asks for the lockfile', async () => {
        const dir = project({
            Gemfile: 'source "https://rubygems.org"\ngem "rack"\n',
            'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
        });
        const plan = planFromSnapshot(await snapshotFor(dir, { installed: { ruby: '3.1.2' } }), { projectRoot: ROOT });
        assert.deepEqual(plan.packageManager?.manifests, ['Gemfile']);
        assert.equal(plan.packageManager?.env.BUNDLE_FROZEN, undefined);
        assert.ok(
            plan.packageManager?.setup.some(
                (command) => command.join(' ') === 'bundle config set --local path vendor/bundle',
            ),
        );
        assert.ok(plan.warnings.some((warning) => warning.startsWith('There is no Gemfile.lock')));
    });

    it('a Gemfile that cannot be read: one clear message naming it; a link out of the project is never followed', async () => {
        const huge = project({
            Gemfile: `source "https://rubygems.org"\n${'# padding\n'.repeat(240_000)}gem "rails"\n`,
            'Gemfile.lock': LOCK('2.3.15'),
            'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
        });
        const snapshot = await snapshotFor(huge, { installed: { ruby: '3.1.2' } });
        assert.deepEqual(
            snapshot.issues.map((issue) => issue.message),
            ['Gemfile is 2344 KiB, too large to be project metadata; it was skipped.'],
        );
        const plan = planFromSnapshot(snapshot, { projectRoot: ROOT });
        assert.equal(plan.packageManager?.version, '2.3.15', 'Gemfile.lock still says how to install');

        const outside = project({ Gemfile: 'gem "rails"\n' });
        const linked = project({ 'Gemfile.lock': LOCK('2.3.15'), 'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n' });
        symlinkSync(join(outside, 'Gemfile'), join(linked, 'Gemfile'));
        assert.notEqual(
            (await snapshotFor(linked, { installed: { ruby: '3.1.2' } })).app?.framework?.value,
            'rails',
            'the linked Gemfile was not read',
        );
    });

    it('no start command: a clear TODO, and the image says so instead of guessing', async () => {
        const dir = project({
            Gemfile: 'source "https://rubygems.org"\ngem "rack"\n',
            'Gemfile.lock': LOCK('2.3.15'),
            'lib.rb': 'puts 1\n',
        });
        const plan = planFromSnapshot(await snapshotFor(dir, { installed: { ruby: '3.1.2' } }), { projectRoot: ROOT });
        assert.equal(plan.ecosystem, 'ruby');
        assert.deepEqual(plan.startCommand.value, []);
        assert.deepEqual(plan.todo, [
            'Set the start command: CMD in the Dockerfile, or the start command when you review the plan.',
        ]);
        assert.match(renderRecipe(plan, { buildkit: true }).dockerfile, /Parity found no start command/);
    });
});
