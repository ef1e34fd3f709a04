import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastCommandOf, scriptToExecForm } from '../../../../../src/core/project/node/scriptToExecForm';

describe('scriptToExecForm', () => {
    it('splits simple commands into words', () => {
        assert.deepEqual(scriptToExecForm('node server.js'), ['node', 'server.js']);
        assert.deepEqual(scriptToExecForm('node --enable-source-maps "dist/my server.js"'), [
            'node',
            '--enable-source-maps',
            'dist/my server.js',
        ]);
        assert.deepEqual(scriptToExecForm('next start -p 3001'), ['next', 'start', '-p', '3001']);
    });

    it('runs leading variable assignments through env so exec form stays valid', () => {
        assert.deepEqual(scriptToExecForm('NODE_ENV=production node dist/main'), [
            'env',
            'NODE_ENV=production',
            'node',
            'dist/main',
        ]);
        assert.deepEqual(scriptToExecForm('cross-env NODE_ENV=production node app.js'), [
            'cross-env',
            'NODE_ENV=production',
            'node',
            'app.js',
        ]);
    });

    it('wraps scripts that need a shell', () => {
        assert.deepEqual(scriptToExecForm('npm run build && node dist/server.js'), [
            'sh',
            '-c',
            'npm run build && node dist/server.js',
        ]);
        assert.deepEqual(scriptToExecForm('next start -p $PORT'), ['sh', '-c', 'next start -p $PORT']);
    });
});

describe('lastCommandOf', () => {
    it('takes the last simple command of a chain', () => {
        assert.deepEqual(lastCommandOf('npm run build && node dist/server.js'), ['node', 'dist/server.js']);
        assert.deepEqual(lastCommandOf('prisma migrate deploy; node index.js'), ['node', 'index.js']);
        assert.deepEqual(lastCommandOf('node server.js'), ['node', 'server.js']);
        assert.deepEqual(lastCommandOf('node server.js;'), ['node', 'server.js']);
    });

    it('a separator inside quotes is part of a word', () => {
        assert.deepEqual(lastCommandOf('echo "a && b"; node "my;server.js"'), ['node', 'my;server.js']);
        assert.equal(lastCommandOf('npm run build && node server.js --port "$PORT"'), null);
    });

    it('gives up on commands it cannot read without a shell', () => {
        assert.equal(lastCommandOf('node server.js | tee log.txt'), null);
        assert.equal(lastCommandOf('next start -p $PORT'), null);
        assert.equal(lastCommandOf('   '), null);
    });
});
