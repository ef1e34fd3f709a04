import { numericId } from '../isRootUser';

/**
 * The uid a user name has in an /etc/passwd text, as the engine resolves an image's USER when the container
 * starts (the first line with that name wins); null when the name is not listed. A name is only what the
 * image says it is: `toor:x:0:0` makes "toor" root.
 */
export function uidInPasswd(passwd: string, name: string): number | null {
    for (const line of passwd.split('\n')) {
        const [entry, , uid] = line.split(':');
        if (entry === name && uid !== undefined) {
            return numericId(uid);
        }
    }
    return null;
}

/** The user part of a `user[:group]` spec when it is a name, not a number; null for numeric users. */
export function userName(spec: string): string | null {
    const name = (spec.split(':')[0] ?? '').trim();
    return name === '' || numericId(name) !== null ? null : name;
}
