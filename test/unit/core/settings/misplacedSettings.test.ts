import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FoundSetting, misplacedSettings, settingKeysIn } from '../../../../src/core/settings/misplacedSettings';

const at = (key: string, scope: FoundSetting['scope'], place: FoundSetting['place']): FoundSetting => ({
    key,
    scope,
    place,
});

describe('misplacedSettings', () => {
    it('a machine setting in the user settings of a remote window belongs in the remote settings', () => {
        assert.deepEqual(misplacedSettings([at('parity.docker.host', 'machine', 'user')], true), [
            { key: 'parity.docker.host', scope: 'machine', place: 'user', setIn: 'remote' },
        ]);
        assert.deepEqual(misplacedSettings([at('parity.docker.host', 'machine', 'user')], false), []);
    });

    it('machine and application settings in workspace or folder settings are ignored there', () => {
        const found = [
            at('parity.docker.host', 'machine', 'workspace'),
            at('parity.docker.timeoutSeconds', 'machine', 'folder'),
            at('x.app', 'application', 'workspace'),
        ];
        assert.deepEqual(
            misplacedSettings(found, false).map((setting) => `${setting.key}@${setting.place}→${setting.setIn}`),
            ['parity.docker.host@workspace→user', 'parity.docker.timeoutSeconds@folder→user', 'x.app@workspace→user'],
        );
        assert.deepEqual(
            misplacedSettings(found, true).map((setting) => setting.setIn),
            ['remote', 'remote', 'user'],
        );
    });

    it('resource, window and machine-overridable settings count where they are; each key and place once', () => {
        assert.deepEqual(
            misplacedSettings(
                [
                    at('parity.sandbox.memory', 'resource', 'folder'),
                    at('parity.targets', 'window', 'workspace'),
                    at('m.o', 'machine-overridable', 'workspace'),
                    at('parity.docker.host', 'machine', 'workspace'),
                    at('parity.docker.host', 'machine', 'workspace'),
                ],
                false,
            ).map((setting) => setting.key),
            ['parity.docker.host'],
        );
        assert.equal(misplacedSettings([at('m.o', 'machine-overridable', 'user')], true)[0]?.setIn, 'remote');
    });
});

describe('settingKeysIn', () => {
    it('reads the keys of settings.json with comments and trailing commas', () => {
        assert.deepEqual(
            settingKeysIn(
                '{\n  // where Docker is\n  "parity.docker.host": "tcp://x:2376",\n  "editor.tabSize": 2,\n}',
                'parity.',
            ),
            ['parity.docker.host'],
        );
    });

    it("reads a .code-workspace file's settings, and nothing from text that is not an object", () => {
        assert.deepEqual(
            settingKeysIn('{ "folders": [], "settings": { "parity.docker.host": "" } }', 'parity.', true),
            ['parity.docker.host'],
        );
        assert.deepEqual(settingKeysIn('[1, 2]', 'parity.'), []);
        assert.deepEqual(settingKeysIn('not json', 'parity.'), []);
    });
});
