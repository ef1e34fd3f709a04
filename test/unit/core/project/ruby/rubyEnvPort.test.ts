import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rubyEnvPort } from '../../../../../src/core/project/ruby/rubyEnvPort';

const file = (text: string): { path: string; text: string } => ({ path: 'server.rb', text });

describe('rubyEnvPort', () => {
    it('reads the default of ENV.fetch("PORT", N), ENV.fetch("PORT") { N } and ENV["PORT"] || N, with its line', () => {
        assert.deepEqual(rubyEnvPort(file('require "webrick"\nport = Integer(ENV.fetch("PORT", 8080))\n')), {
            value: 8080,
            at: { file: 'server.rb', line: 2 },
            how: 'server.rb reads the PORT environment variable, default 8080',
        });
        assert.equal(rubyEnvPort(file("port ENV.fetch('PORT') { '3000' }\n"))?.value, 3000);
        assert.equal(rubyEnvPort(file('set :port, ENV["PORT"] || 4567\n'))?.value, 4567);
    });

    it('nothing for other variables, no default, or a number that is no port', () => {
        assert.equal(rubyEnvPort(file('ENV.fetch("RAILS_MAX_THREADS", 5)\n')), null);
        assert.equal(rubyEnvPort(file('Integer(ENV.fetch("PORT"))\n')), null);
        assert.equal(rubyEnvPort(file('ENV.fetch("PORT", 99999)\n')), null);
    });
});
