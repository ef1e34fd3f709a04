import { createHash } from 'node:crypto';

/**
 * The only form in which an environment value is ever kept: sha256 of `NAME=value`, hex. Equal values
 * compare equal across environments; including the name means one common value (say "true") does not
 * hash the same under every name.
 */
export function hashEnvValue(name: string, value: string): string {
    return createHash('sha256').update(`${name}=${value}`).digest('hex');
}
