import { createHash } from 'node:crypto';
import type { EnvHashKey } from './EnvHashKey';

/**
 * The only form in which an environment value is ever kept: sha256(KEY ‖ "NAME=value"), hex, where KEY is
 * the key's 64 hex digits — exactly one SHA-256 block, so the hash starts from a secret state. Without the
 * key even `DEBUG=true` cannot be confirmed by guessing; with the same key, equal values hash equal. The
 * name is included so one common value does not hash the same under every name.
 *
 * Not HMAC: the probe must compute the very same hash with nothing but sh and sha256sum (BusyBox images),
 * and HMAC's inner digest has to be fed back as raw bytes, which sh cannot do portably. A secret prefix
 * only admits length extension — forging the hash of a longer value, which gains nothing here — while
 * recovering a value still needs the key.
 */
export function hashEnvValue(key: EnvHashKey, name: string, value: string): string {
    return createHash('sha256').update(key.revealHex()).update(`${name}=${value}`).digest('hex');
}
