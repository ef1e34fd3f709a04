import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretName } from '../../../../src/core/snapshot/isSecretName';

const SECRET = [
    'MYTOKEN',
    'mytoken',
    'GITHUB_TOKEN',
    'OAUTHTOKEN',
    'APIKEY',
    'STRIPE_API_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'SECRETKEYBASE',
    'DB_PASSWORD',
    'PGPASSWORD',
    'DB_PASSWD',
    'DB_PWD',
    'SMTP_PASS',
    'GPG_PASSPHRASE',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'PRIVATEKEY',
    'private_key',
    'NPM_AUTH',
    'BASIC_AUTH_USER',
    'AUTHORIZATION',
    'SESSION_COOKIE',
    'JWT_SIGNING',
    'PASSWORD_SALT',
    'SLACK_WEBHOOK',
    'DATABASE_URL',
    'REDIS_URL',
    'MONGODB_URI',
    'SENTRY_DSN',
    'CONNECTION_STRING',
    'AZURE_CONN_STR',
    'KEYBOARD_API_KEY',
];
const NOT_SECRET = [
    'PATH',
    'HOME',
    'PWD',
    'OLDPWD',
    'SSH_AUTH_SOCK',
    'XAUTHORITY',
    'NODE_ENV',
    'PORT',
    'LANG',
    'TERM',
    'SHELL',
    'USER',
    'HOSTNAME',
    'KEYBOARD_LAYOUT',
    'XKB_KEYMAP',
    'KEYMAP',
    'KEYCLOAK_REALM',
    'GIT_AUTHOR_NAME',
    'GIT_AUTHOR_EMAIL',
    'TOKENIZERS_PARALLELISM',
    'XDG_SESSION_ID',
    'DBUS_SESSION_BUS_ADDRESS',
    'PASSENGER_APP_ENV',
    'BYPASS_CACHE',
    'DATABASE_NAME',
    'DB_HOST',
];

describe('isSecretName', () => {
    it('flags a secret part anywhere in the name, in any case', () => {
        for (const name of SECRET) {
            assert.equal(isSecretName(name), true, name);
        }
    });

    it('leaves shell bookkeeping and look-alike words alone', () => {
        for (const name of NOT_SECRET) {
            assert.equal(isSecretName(name), false, name);
        }
    });
});
