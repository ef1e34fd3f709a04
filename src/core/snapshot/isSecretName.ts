/**
 * Names that usually carry credentials. Their values are never stored anywhere (no variable's value is),
 * and they are flagged so reports can treat a differing hash with care. A part anywhere in the name counts
 * (MYTOKEN, APIKEY, DB_PWD), case-insensitive: a false alarm costs a little care, a miss leaks a hint.
 */
const SECRET_PART = new RegExp(
    [
        'TOKEN',
        'SECRET',
        'KEY',
        'PASSWORD',
        'PASSWD',
        'PASSPHRASE',
        'PWD',
        '(?:^|_)PASS(?:_|$)',
        'CREDENTIAL',
        'PRIVATE',
        'AUTH',
        'COOKIE',
        'SIGNING',
        'SALT',
        'WEBHOOK',
        // Connection strings carry the password in the URL.
        'DSN',
        'CONN(?:ECTION)?_?STR',
        '(?:DATABASE|DB|REDIS|MONGO(?:DB)?|POSTGRES(?:QL)?|PG|MYSQL|MARIADB|AMQP|RABBITMQ|BROKER)_?UR[LI]',
    ].join('|'),
    'i',
);

/** Words that contain a secret part without being one (GIT_AUTHOR_NAME, XKB_KEYMAP, TOKENIZERS_PARALLELISM); removed before matching. */
const LOOKALIKE =
    /KEYBOARD|KEYMAP|KEYPAD|KEYCODE|KEYCLOAK|[MD]ONKEY|TURKEY|HOCKEY|WHISKEY|TOKENIZER|AUTHOR(?!I[SZ]ATION)/gi;

/** Shell bookkeeping that matches anyway: the working directories, the agent socket, the X authority file. */
const NOT_SECRET = new Set(['PWD', 'OLDPWD', 'SSH_AUTH_SOCK', 'XAUTHORITY']);

export function isSecretName(name: string): boolean {
    return !NOT_SECRET.has(name.toUpperCase()) && SECRET_PART.test(name.replace(LOOKALIKE, ' '));
}
