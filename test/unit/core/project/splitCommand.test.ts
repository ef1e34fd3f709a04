import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCommand } from '../../../../src/core/project/splitCommand';

describe('splitCommand', () => {
    it('splits words and honours quotes and escapes', () => {
        assert.deepEqual(splitCommand('node server.js'), ['node', 'server.js']);
        assert.deepEqual(splitCommand('  gunicorn  -w 4 "app:create_app()"'), [
            'gunicorn',
            '-w',
            '4',
            'app:create_app()',
        ]);
        assert.deepEqual(splitCommand(`python -c 'print("hi there")'`), ['python', '-c', 'print("hi there")']);
        assert.deepEqual(splitCommand('echo a\\ b'), ['echo', 'a b']);
    });

    it('wraps lines that need a shell', () => {
        assert.deepEqual(splitCommand('node server.js --port $PORT'), ['sh', '-c', 'node server.js --port $PORT']);
        assert.deepEqual(splitCommand('npm run build && npm start'), ['sh', '-c', 'npm run build && npm start']);
        assert.deepEqual(splitCommand('bin/web | tee log'), ['sh', '-c', 'bin/web | tee log']);
    });

    it('a variable inside double quotes, command substitution, a line break or an open quote needs the shell too', () => {
        for (const line of [
            'node server.js --port "$PORT"',
            'node server.js --port="${PORT:-3000}"',
            'echo "`id`"',
            'echo `id`',
            'echo $(id)',
            'a\nb',
            'echo "open',
            'ls ~/x',
            'ls [ab].js',
            'node a.js # comment',
            'node a.js 2>&1',
            'cd app; node a.js',
        ]) {
            assert.deepEqual(splitCommand(line), ['sh', '-c', line], line);
        }
    });

    it('quoted or escaped shell characters are plain words', () => {
        assert.deepEqual(splitCommand(String.raw`node '$PORT' "a\$b" 'x && y' \~`), [
            'node',
            '$PORT',
            'a$b',
            'x && y',
            '~',
        ]);
        assert.deepEqual(splitCommand('echo "" \'\''), ['echo', '', '']);
    });

    it('returns nothing for an empty line', () => {
        assert.deepEqual(splitCommand('   '), []);
    });
});
