/**
 * A host key that known_hosts does not vouch for. It travels on the EngineError (kind `host-key`) so a
 * front end can ask the user — showing the fingerprint — and, if they trust it, append `knownHostsLine`
 * to `knownHostsFile` and connect again.
 */
export interface HostKeyProblem {
    readonly host: string;
    readonly port: number;
    /** `unknown`: no key on file for the host; `changed`: another key is (possibly an attack); `revoked`: marked @revoked. */
    readonly verdict: 'unknown' | 'changed' | 'revoked';
    readonly keyType: string;
    /** `SHA256:…`, as `ssh` prints it. */
    readonly fingerprint: string;
    /** The file a trusted key would be added to. */
    readonly knownHostsFile: string;
    /** The line that trusts this key, ready to append. */
    readonly knownHostsLine: string;
}
