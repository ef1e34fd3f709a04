import { createHash, randomBytes } from 'node:crypto';

/** 256 bits: as strong as the hash itself, so guessing the key is never easier than guessing a value. */
const KEY_BYTES = 32;

/**
 * The secret that makes env value hashes unguessable. It never leaves the process except on the probe's
 * stdin; everything that prints or serialises it (JSON, util.inspect, string templates) sees only its
 * public id, so a key that slips into a log or a snapshot shows nothing secret.
 */
export class EnvHashKey {
    readonly #hex: string;
    /** Public: the first 16 hex digits of sha256 of the key bytes. Equal ids ⇔ the hashes are comparable. */
    readonly id: string;

    private constructor(bytes: Buffer) {
        this.#hex = bytes.toString('hex');
        this.id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    }

    /** A fresh random key: captures made together for one comparison share one. */
    static generate(): EnvHashKey {
        return new EnvHashKey(randomBytes(KEY_BYTES));
    }

    /** A key from its 64 hex digits (a key file); null when the text is not one. */
    static fromHex(text: string): EnvHashKey | null {
        return /^[0-9a-f]{64}$/.test(text) ? new EnvHashKey(Buffer.from(text, 'hex')) : null;
    }

    /**
     * The key as 64 lowercase hex digits — the form that is hashed, and the only way to get the secret out.
     * For the two places that must: the key file, and the probe's stdin.
     */
    revealHex(): string {
        return this.#hex;
    }

    toJSON(): { id: string } {
        return { id: this.id };
    }

    toString(): string {
        return `EnvHashKey(${this.id})`;
    }

    [Symbol.for('nodejs.util.inspect.custom')](): string {
        return this.toString();
    }
}
