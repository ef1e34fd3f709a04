import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectRuby } from '../../../../../src/core/project/ruby/detectRuby';
import { rubyPinRange, rubyRequirementRange } from '../../../../../src/core/project/ruby/rubyRange';
import { detectFiles, detectFixture, found } from '../runDetector';

describe('detectRuby on fixture projects', () => {
    it('ruby-rails: .ruby-version, Gemfile ruby, RUBY VERSION, bundler, native gems, Rails on puma', async () => {
        const run = await detectFixture(detectRuby, 'ruby-rails');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            { file: '.ruby-version', line: 1, source: '.ruby-version', raw: '3.3.0', range: '3.3.0' },
            { file: 'Gemfile', line: 3, source: 'Gemfile#ruby', raw: '3.3.0', range: '3.3.0' },
            {
                file: 'Gemfile.lock',
                line: 199,
                source: 'Gemfile.lock#RUBY VERSION',
                raw: '3.3.0p0',
                range: '3.3.0',
                note: '3.3.0p0 is 3.3.0 at patch level 0',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            {
                name: 'bundler',
                ecosystem: 'ruby',
                evidence: 'lockfile',
                declared: { file: 'Gemfile.lock', line: 202, raw: '2.5.6', source: 'Gemfile.lock#BUNDLED WITH' },
            },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'Gemfile.lock', manager: 'bundler', packageRoot: '.' }]);
        const native = new Map(detection.nativeDependencies.map((item) => [item.name, item]));
        assert.deepEqual(native.get('pg'), {
            name: 'pg',
            ecosystem: 'ruby',
            reason: 'C extension against libpq',
            needs: ['gcc', 'make', 'libpq-dev'],
            declaredAt: { file: 'Gemfile', line: 9 },
        });
        assert.deepEqual(native.get('psych')?.needs, ['gcc', 'make', 'libyaml-dev']);
        assert.deepEqual(native.get('psych')?.declaredAt, { file: 'Gemfile.lock', line: 128 });
        // nokogiri is locked precompiled for x86_64-linux: nothing to build.
        assert.equal(native.has('nokogiri'), false);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'rails',
            at: { file: 'Gemfile', line: 6 },
            how: 'rails gem in Gemfile',
        });
        assert.deepEqual(app?.startCommand, {
            value: ['bin/rails', 'server', '-b', '0.0.0.0'],
            at: { file: 'bin/rails', line: 1 },
            how: 'Rails server through bin/rails',
        });
        assert.deepEqual(app?.ports, [
            {
                value: 3000,
                at: { file: 'config/puma.rb', line: 11 },
                how: 'config/puma.rb port: PORT environment variable, default 3000',
            },
        ]);
        assert.deepEqual(app?.entry, { value: 'config.ru', at: { file: 'config.ru', line: 5 }, how: 'Rack config.ru' });
        assert.equal(app?.confidence, 3);
        assert.deepEqual(run.issues, []);
    });
});

describe('detectRuby', () => {
    it('follows `ruby file:` and turns a pessimistic requirement into a range', async () => {
        const viaFile = found(
            await detectFiles(detectRuby, {
                '.ruby-version': 'ruby-3.2.4\n',
                Gemfile: 'source "https://rubygems.org"\nruby file: ".ruby-version"\ngem "sinatra"\n',
            }),
        );
        assert.deepEqual(viaFile.declared, [
            {
                file: '.ruby-version',
                line: 1,
                source: '.ruby-version',
                raw: 'ruby-3.2.4',
                range: '3.2.4',
                note: 'ruby-3.2.4 is Ruby 3.2.4',
            },
            {
                file: 'Gemfile',
                line: 2,
                source: 'Gemfile#ruby',
                raw: 'file: ".ruby-version"',
                range: '3.2.4',
                note: 'the Gemfile reads .ruby-version: ruby-3.2.4',
            },
        ]);
        assert.deepEqual(viaFile.packageManagers, [
            { name: 'bundler', ecosystem: 'ruby', declared: null, evidence: 'Gemfile' },
        ]);

        const fileRead = found(
            await detectFiles(detectRuby, {
                '.ruby-version': '3.1.6\n',
                Gemfile: 'ruby File.read(".ruby-version").strip\n',
            }),
        );
        assert.deepEqual(fileRead.declared[1], {
            file: 'Gemfile',
            line: 1,
            source: 'Gemfile#ruby',
            raw: 'File.read(".ruby-version").strip',
            range: '3.1.6',
            note: 'the Gemfile reads .ruby-version: 3.1.6',
        });

        const pessimistic = found(
            await detectFiles(detectRuby, { Gemfile: 'ruby "~> 3.2"\ngem "rack"\n', '.tool-versions': 'ruby 3.3.1\n' }),
        );
        assert.deepEqual(
            pessimistic.declared.map((item) => [item.source, item.raw, item.range]),
            [
                ['.tool-versions', '3.3.1', '3.3.1'],
                ['Gemfile#ruby', '~> 3.2', '>=3.2.0 <4.0.0'],
            ],
        );
    });

    it('runs Sinatra with its own server on 4567, or a Rack app with rackup on 9292', async () => {
        const sinatra = found(
            await detectFiles(detectRuby, {
                Gemfile: 'source "https://rubygems.org"\n\ngem "sinatra", "~> 4.0"\n',
                'app.rb': 'require "sinatra"\n\nget "/" do\n  "hi"\nend\n',
            }),
        );
        assert.deepEqual(sinatra.app?.framework, {
            value: 'sinatra',
            at: { file: 'Gemfile', line: 3 },
            how: 'sinatra gem in Gemfile',
        });
        assert.deepEqual(sinatra.app?.startCommand?.value, ['bundle', 'exec', 'ruby', 'app.rb', '-o', '0.0.0.0']);
        assert.deepEqual(sinatra.app?.ports, [{ value: 4567, how: 'sinatra default' }]);

        const rack = found(
            await detectFiles(detectRuby, {
                Gemfile: 'gem "rack"\ngem "rackup"\n',
                'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
            }),
        );
        assert.deepEqual(rack.app?.startCommand, {
            value: ['bundle', 'exec', 'rackup', '-o', '0.0.0.0'],
            at: { file: 'config.ru', line: 1 },
            how: 'rackup serving config.ru',
        });
        assert.deepEqual(rack.app?.ports, [{ value: 9292, how: 'rackup default' }]);
        assert.equal(rack.app?.confidence, 2);
    });

    it('notes the group of a native gem, builds nokogiri when no Linux variant is locked, and skips gems (libraries)', async () => {
        const detection = found(
            await detectFiles(detectRuby, {
                Gemfile:
                    'gem "nokogiri"\n\ngroup :development, :test do\n  gem "sqlite3", "~> 1.4"\nend\n\ngem "mysql2"\n',
                'Gemfile.lock':
                    'GEM\n  remote: https://rubygems.org/\n  specs:\n    mini_portile2 (2.8.6)\n    mysql2 (0.5.6)\n    nokogiri (1.16.4)\n      mini_portile2 (~> 2.8.2)\n      racc (~> 1.4)\n    nokogiri (1.16.4-arm64-darwin)\n      racc (~> 1.4)\n    racc (1.7.3)\n    sqlite3 (1.7.3)\n\nPLATFORMS\n  arm64-darwin-23\n  ruby\n\nDEPENDENCIES\n  mysql2\n  nokogiri\n  sqlite3 (~> 1.4)\n\nBUNDLED WITH\n   2.5.9\n',
            }),
        );
        assert.deepEqual(
            detection.nativeDependencies.map((item) => [item.name, item.reason, item.declaredAt.line]),
            [
                ['nokogiri', 'C extension against libxml2/libxslt when no precompiled gem fits', 1],
                ['sqlite3', 'C extension against SQLite (group development, test)', 4],
                ['mysql2', 'C extension against the MySQL client library', 7],
                ['racc', 'C extension (locked as a dependency of another gem)', 11],
            ],
        );
        assert.equal(detection.app?.confidence, 1);

        const library = found(
            await detectFiles(detectRuby, {
                Gemfile: 'source "https://rubygems.org"\ngemspec\n',
                'tool.gemspec': 'Gem::Specification.new\n',
            }),
        );
        assert.equal(library.app, null);
    });

    it('reports an empty .ruby-version and a Gemfile.lock that is not one', async () => {
        const run = await detectFiles(detectRuby, {
            '.ruby-version': '\n',
            Gemfile: 'gem "rack"\n',
            'Gemfile.lock': '<<<<<<< HEAD\n',
        });
        assert.deepEqual(
            run.issues.map((issue) => issue.at),
            [
                { file: 'Gemfile.lock', line: 1 },
                { file: '.ruby-version', line: 1 },
            ],
        );
        assert.deepEqual(found(run).declared, []);
    });
});

describe('rubyRange', () => {
    it('reads pins and RubyGems requirements as semver ranges', () => {
        assert.deepEqual(rubyPinRange('3.3'), { range: '3.3' });
        assert.deepEqual(rubyPinRange('jruby-9.4.5.0'), { range: null, note: 'jruby-9.4.5.0 is jruby, not CRuby' });
        assert.deepEqual(rubyRequirementRange(['~> 3.2.1']), { range: '>=3.2.1 <3.3.0' });
        assert.deepEqual(rubyRequirementRange(['>= 3.1', '< 3.4']), { range: '>=3.1.0 <3.4.0' });
        assert.deepEqual(rubyRequirementRange(['!= 3.0.0']), { range: null, note: '"!=" has no semver range form' });
    });
});
