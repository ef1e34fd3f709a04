import type { CaCertificate } from '../../snapshot/Snapshot';
import type { DiffContext, Draft } from '../DiffContext';

/** Extra trusted CAs by fingerprint: where a certificate file lives or how it is configured does not matter. */
export function diffCertificates(context: DiffContext): Draft[] {
    const byPrint = (list: readonly CaCertificate[]): Map<string, CaCertificate> =>
        new Map(list.map((ca) => [ca.fingerprint256, ca]));
    const a = byPrint(context.from.certificates.extra);
    const b = byPrint(context.to.certificates.extra);
    const drafts: Draft[] = [];
    for (const [print, ca] of a) {
        if (!b.has(print)) {
            drafts.push({
                facet: 'certificates',
                key: print,
                rule: 'certificates.missing',
                from: ca.subject,
                to: null,
                message: `The CA "${ca.subject}" (trusted via ${ca.via}) is not trusted on the to side: TLS to servers it signs fails there.`,
            });
        }
    }
    for (const [print, ca] of b) {
        if (!a.has(print)) {
            drafts.push({
                facet: 'certificates',
                key: print,
                rule: 'certificates.added',
                from: null,
                to: ca.subject,
                message: `The CA "${ca.subject}" (trusted via ${ca.via}) is trusted on the to side only.`,
            });
        }
    }
    return drafts;
}
