import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSpecifier, pythonPinRange } from '../../../../../src/core/project/python/pep440Range';
import { poetryToPep440 } from '../../../../../src/core/project/python/poetryToPep440';

describe('poetryToPep440', () => {
    it("follows Poetry's caret and tilde rules", () => {
        assert.equal(poetryToPep440('^3.11'), '>=3.11,<4.0');
        assert.equal(poetryToPep440('^3.11.4'), '>=3.11.4,<4.0.0');
        assert.equal(poetryToPep440('^0.2.3'), '>=0.2.3,<0.3.0');
        assert.equal(poetryToPep440('^0.0.3'), '>=0.0.3,<0.0.4');
        assert.equal(poetryToPep440('^0'), '>=0,<1');
        assert.equal(poetryToPep440('~3.11'), '>=3.11,<3.12');
        assert.equal(poetryToPep440('~3'), '>=3,<4');
    });

    it('reads bare versions as a release series, and space- or comma-separated bounds as one set', () => {
        assert.equal(poetryToPep440('3.11'), '==3.11.*');
        assert.equal(poetryToPep440('3.11.4'), '==3.11.4');
        assert.equal(poetryToPep440('3.11.*'), '==3.11.*');
        assert.equal(poetryToPep440('>= 3.10 <3.13'), '>=3.10,<3.13');
        assert.equal(poetryToPep440('>=3.10, !=3.11.0'), '>=3.10,!=3.11.0');
    });

    it('gives up on alternatives and on what is not a constraint', () => {
        assert.equal(poetryToPep440('^3.8 || ^3.11'), null);
        assert.equal(poetryToPep440('*'), null);
        assert.equal(poetryToPep440('latest'), null);
    });
});

describe('pythonPinRange and normalizeSpecifier', () => {
    it('pins versions the way pyenv and mise resolve them', () => {
        assert.deepEqual(pythonPinRange('3.12.1'), { range: '==3.12.1' });
        assert.deepEqual(pythonPinRange('3.12'), { range: '==3.12.*' });
        assert.deepEqual(pythonPinRange('3.13.0rc2'), { range: '==3.13.0rc2' });
        assert.deepEqual(pythonPinRange('3.13t'), {
            range: '==3.13.*',
            note: '3.13t is the free-threaded build of 3.13',
        });
        assert.deepEqual(pythonPinRange('pypy3.10-7.3.15'), {
            range: null,
            note: 'pypy3.10-7.3.15 is pypy, not CPython',
        });
    });

    it('accepts PEP 440 specifier sets and nothing else', () => {
        assert.equal(normalizeSpecifier('>=3.9, <4'), '>=3.9,<4');
        assert.equal(normalizeSpecifier('~=3.11'), '~=3.11');
        assert.equal(normalizeSpecifier('^3.11'), null);
        assert.equal(normalizeSpecifier('3.11'), null);
        assert.equal(normalizeSpecifier(''), null);
        assert.equal(normalizeSpecifier('>=3.9,'), null);
    });
});
