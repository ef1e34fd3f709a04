import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rubyServerPort } from '../../../../../src/core/project/ruby/rubyServerPort';
import { detectRuby } from '../../../../../src/core/project/ruby/detectRuby';
import { detectFiles, found } from '../runDetector';

const command = (line: string): { value: string[]; at: { file: string; line: number }; how: string } => ({
    value: line.split(' '),
    at: { file: 'Procfile', line: 1 },
    how: 'Procfile web process',
});

describe('rubyServerPort', () => {
    it('reads -p, --port, --port= and a tcp:// bind of Ruby servers', () => {
        assert.deepEqual(rubyServerPort(command('bundle exec rackup -p 5000')), {
            value: 5000,
            at: { file: 'Procfile', line: 1 },
            how: 'the port in the start command (Procfile web process)',
        });
        assert.equal(rubyServerPort(command('bundle exec puma --port=6000'))?.value, 6000);
        assert.equal(rubyServerPort(command('bundle exec puma -b tcp://0.0.0.0:7000'))?.value, 7000);
        assert.equal(rubyServerPort(command('bin/rails server -p 3001 -b 0.0.0.0'))?.value, 3001);
    });

    it('nothing for $PORT, other programs or no port', () => {
        assert.equal(rubyServerPort(command('bundle exec rackup -p $PORT')), null);
        assert.equal(rubyServerPort(command('node server.js -p 5000')), null);
        assert.equal(rubyServerPort(command('bundle exec rackup')), null);
    });

    it("a Rack app started by a Procfile with -p: that port, rackup's default kept as an alternative", async () => {
        const app = found(
            await detectFiles(detectRuby, {
                Gemfile: 'source "https://rubygems.org"\ngem "rack"\n',
                'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
                Procfile: 'web: bundle exec rackup -o 0.0.0.0 -p 5000\n',
            }),
        ).app;
        assert.deepEqual(
            app?.ports.map((port) => port.value),
            [5000, 9292],
        );
    });
});
