/**
 * Names that usually carry credentials. Their values are never stored anywhere (no variable's value is),
 * and they are flagged so reports can treat a differing hash with care.
 */
const SECRET_NAME = /(^|_)(SECRET|TOKEN|PASSWORD|PASSWD|PASS|PWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH|COOKIE|SESSION|SIGNING|SIGNATURE|SALT|DSN|CONNECTION_STRING|DATABASE_URL|WEBHOOK)(_|$)|_KEY$|^KEY$/i;

/** Shell bookkeeping that happens to match the pattern above. */
const NOT_SECRET = new Set(['PWD', 'OLDPWD', 'SSH_AUTH_SOCK', 'GPG_AGENT_INFO', 'XAUTHORITY']);

export function isSecretName(name: string): boolean {
    return !NOT_SECRET.has(name.toUpperCase()) && SECRET_NAME.test(name);
}
