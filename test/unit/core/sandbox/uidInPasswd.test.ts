import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uidInPasswd, userName } from '../../../../src/core/sandbox/uidInPasswd';

const PASSWD = [
    'root:x:0:0:root:/root:/bin/bash',
    'node:x:1000:1000::/home/node:/bin/bash',
    'toor:x:0:0::/root:/bin/sh',
    'node:x:0:0:a second entry never counts:/:/bin/sh',
    'broken',
].join('\n');

describe('uidInPasswd / userName', () => {
    it('reads the uid of a name as the engine does: the first line with that name', () => {
        assert.equal(uidInPasswd(PASSWD, 'node'), 1000);
        assert.equal(uidInPasswd(PASSWD, 'toor'), 0);
        assert.equal(uidInPasswd(PASSWD, 'root'), 0);
        assert.equal(uidInPasswd(PASSWD, 'nobody'), null);
        assert.equal(uidInPasswd(PASSWD, 'broken'), null);
        assert.equal(uidInPasswd('odd:x:00:0::/:/bin/sh', 'odd'), 0);
    });

    it('names only: numeric users and the empty user need no passwd', () => {
        assert.equal(userName('toor:app'), 'toor');
        assert.equal(userName(' app '), 'app');
        assert.equal(userName('1000:1000'), null);
        assert.equal(userName('+0'), null);
        assert.equal(userName(''), null);
    });
});
