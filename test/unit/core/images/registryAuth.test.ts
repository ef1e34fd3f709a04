import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registryAuthFromConfig, registryHostOf } from '../../../../src/core/images/registryAuth';

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');

describe('registryAuthFromConfig', () => {
    it('finds the auths entry for a host, written with or without a scheme and a path', () => {
        for (const key of ['127.0.0.1:5001', 'http://127.0.0.1:5001', 'https://127.0.0.1:5001/v2/']) {
            assert.deepEqual(
                registryAuthFromConfig({ auths: { [key]: { auth: basic('parity', 'pa:ss') } } }, '127.0.0.1:5001'),
                { username: 'parity', password: 'pa:ss', serveraddress: '127.0.0.1:5001' },
                key,
            );
        }
        assert.equal(
            registryAuthFromConfig({ auths: { '127.0.0.1:5000': { auth: basic('a', 'b') } } }, '127.0.0.1:5001'),
            undefined,
            'another port is another registry',
        );
    });

    it('Docker Hub under its config key, whatever name the reference uses; identity tokens and split fields', () => {
        const config = { auths: { 'https://index.docker.io/v1/': { identitytoken: 'tok' } } };
        assert.deepEqual(registryAuthFromConfig(config, registryHostOf('node:20')), {
            identitytoken: 'tok',
            serveraddress: 'https://index.docker.io/v1/',
        });
        assert.deepEqual(registryAuthFromConfig(config, 'index.docker.io'), {
            identitytoken: 'tok',
            serveraddress: 'https://index.docker.io/v1/',
        });
        assert.deepEqual(
            registryAuthFromConfig({ auths: { 'r.example': { username: 'u', password: 'p' } } }, 'r.example'),
            { username: 'u', password: 'p', serveraddress: 'r.example' },
        );
    });

    it('nothing usable: no auths, a credential helper only, an empty or broken entry', () => {
        assert.equal(registryAuthFromConfig(null, 'r.example'), undefined);
        assert.equal(
            registryAuthFromConfig({ credsStore: 'pass', credHelpers: { 'r.example': 'ecr-login' } }, 'r.example'),
            undefined,
        );
        assert.equal(registryAuthFromConfig({ auths: { 'r.example': {} } }, 'r.example'), undefined);
        assert.equal(
            registryAuthFromConfig(
                { auths: { 'r.example': { auth: Buffer.from('no-colon').toString('base64') } } },
                'r.example',
            ),
            undefined,
        );
        assert.equal(registryAuthFromConfig({ auths: 'x' }, 'r.example'), undefined);
    });

    it('the registry of a reference', () => {
        assert.equal(registryHostOf('127.0.0.1:5000/team/app:1'), '127.0.0.1:5000');
        assert.equal(registryHostOf('localhost/app'), 'localhost');
        assert.equal(registryHostOf('team/app:1'), 'docker.io');
    });
});
