import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import {
    hostKeyFingerprint,
    keyTypeOfBlob,
    knownHostName,
    knownHostsLine,
    parseKnownHosts,
    verifyHostKey,
} from '../../../../src/core/ssh/knownHosts';

const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIDBc9TeEtzzQGZ7WGY5K5Gibt1GgUzhGxgYtg+5y8seb';
const OTHER = 'AAAAC3NzaC1lZDI1NTE5AAAAIHFx9nKsDQwzWzH0yX0qn9l6sJ1f2yTz0aZ5bQ8m1fX1';

function hashed(name: string): string {
    const salt = Buffer.from('0123456789abcdef0123');
    return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
    it('names hosts like OpenSSH: bare on port 22, [host]:port elsewhere', () => {
        assert.equal(knownHostName('example.com', 22), 'example.com');
        assert.equal(knownHostName('127.0.0.1', 2222), '[127.0.0.1]:2222');
        assert.equal(knownHostsLine('127.0.0.1', 2222, 'ssh-ed25519', KEY), `[127.0.0.1]:2222 ssh-ed25519 ${KEY}`);
    });

    it('parses lines, markers and comments; skips malformed ones', () => {
        const lines = parseKnownHosts(
            `# comment\n\nexample.com,10.0.0.1 ssh-ed25519 ${KEY} a comment\n@revoked * ssh-ed25519 ${OTHER}\nbroken-line\r\n`,
        );
        assert.equal(lines.length, 2);
        assert.deepEqual(lines[0], { hosts: 'example.com,10.0.0.1', keyType: 'ssh-ed25519', keyBase64: KEY });
        assert.equal(lines[1]?.marker, 'revoked');
    });

    it('trusts a listed key, calls another key of a listed host changed, and an unlisted host unknown', () => {
        const lines = parseKnownHosts(`[127.0.0.1]:2222 ssh-ed25519 ${KEY}\n`);
        assert.equal(verifyHostKey(lines, '127.0.0.1', 2222, 'ssh-ed25519', KEY), 'trusted');
        assert.equal(verifyHostKey(lines, '127.0.0.1', 2222, 'ssh-ed25519', OTHER), 'changed');
        assert.equal(
            verifyHostKey(lines, '127.0.0.1', 2223, 'ssh-ed25519', KEY),
            'unknown',
            'another port is another host',
        );
        assert.equal(verifyHostKey(lines, '127.0.0.1', 22, 'ssh-ed25519', KEY), 'unknown');
        assert.equal(verifyHostKey([], 'h', 22, 'ssh-ed25519', KEY), 'unknown');
    });

    it('matches hashed names, wildcards and negations; a revoked key is refused whatever else says', () => {
        assert.equal(
            verifyHostKey(
                parseKnownHosts(`${hashed('[10.0.0.5]:2222')} ssh-ed25519 ${KEY}`),
                '10.0.0.5',
                2222,
                'ssh-ed25519',
                KEY,
            ),
            'trusted',
        );
        assert.equal(
            verifyHostKey(
                parseKnownHosts(`${hashed('10.0.0.5')} ssh-ed25519 ${KEY}`),
                '10.0.0.5',
                2222,
                'ssh-ed25519',
                KEY,
            ),
            'unknown',
        );
        assert.equal(
            verifyHostKey(
                parseKnownHosts(`*.example.com ssh-ed25519 ${KEY}`),
                'Build.Example.com',
                22,
                'ssh-ed25519',
                KEY,
            ),
            'trusted',
        );
        assert.equal(
            verifyHostKey(
                parseKnownHosts(`*.example.com,!evil.example.com ssh-ed25519 ${KEY}`),
                'evil.example.com',
                22,
                'ssh-ed25519',
                KEY,
            ),
            'unknown',
        );
        assert.equal(
            verifyHostKey(parseKnownHosts(`host? ssh-ed25519 ${KEY}`), 'host1', 22, 'ssh-ed25519', KEY),
            'trusted',
        );
        const revoked = parseKnownHosts(`h ssh-ed25519 ${KEY}\n@revoked * ssh-ed25519 ${KEY}`);
        assert.equal(verifyHostKey(revoked, 'h', 22, 'ssh-ed25519', KEY), 'revoked');
        assert.equal(
            verifyHostKey(parseKnownHosts(`@cert-authority h ssh-ed25519 ${KEY}`), 'h', 22, 'ssh-ed25519', KEY),
            'unknown',
            'certificate authorities are not followed',
        );
    });

    it('reads the key type from the key blob and prints the fingerprint as ssh does', () => {
        assert.equal(keyTypeOfBlob(Buffer.from(KEY, 'base64')), 'ssh-ed25519');
        assert.equal(keyTypeOfBlob(Buffer.from([0, 0])), 'unknown');
        assert.match(hostKeyFingerprint(KEY), /^SHA256:[A-Za-z0-9+/]{43}$/);
    });
});
