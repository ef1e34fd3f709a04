import type { FindingFix } from '../../findings/Finding';
import type { DiffContext, Draft } from '../DiffContext';
import { bothKnown } from '../bothKnown';

/** OS, architecture, distribution and C library — and the file system's case sensitivity, the trap that comes with the OS. */
export function diffPlatform(context: DiffContext): Draft[] {
    const a = context.from.platform;
    const b = context.to.platform;
    const drafts: Draft[] = [];
    const add = (
        key: string,
        rule: Draft['rule'],
        from: string,
        to: string,
        message: string,
        fix?: FindingFix[],
    ): void => {
        drafts.push({ facet: 'platform', key, rule, from, to, message, ...(fix ? { fix } : {}) });
    };
    const baseFix = (what: string): FindingFix[] | undefined => {
        const from = context.dockerfile?.from;
        return context.dockerfile && from && context.imageSide
            ? [
                  {
                      description: `Choose a base image with ${what}.`,
                      side: context.imageSide,
                      at: { file: context.dockerfile.file, line: from.line },
                  },
              ]
            : undefined;
    };
    if (a.os !== b.os) {
        add(
            'os',
            'platform.os',
            a.os,
            b.os,
            `The operating systems differ: ${a.os} against ${b.os}; paths, signals and native code behave differently.`,
        );
    }
    if (a.arch !== b.arch) {
        add(
            'arch',
            'platform.arch',
            a.arch,
            b.arch,
            `The CPU architectures differ: ${a.arch} against ${b.arch}; native modules and binaries must be built for each.`,
        );
    }
    if (
        bothKnown(context, 'platform', 'distro', a.distro, b.distro, 'no /etc/os-release (or not Linux)') &&
        a.distro &&
        b.distro
    ) {
        if (a.distro.id !== b.distro.id) {
            add(
                'distro',
                'platform.distro',
                a.distro.id,
                b.distro.id,
                `The distributions differ: ${a.distro.id} against ${b.distro.id}.`,
                baseFix(`${a.distro.id} or ${b.distro.id} on both sides`),
            );
        } else if (
            bothKnown(
                context,
                'platform',
                'distro.version',
                a.distro.versionId,
                b.distro.versionId,
                'the distribution names no version',
            ) &&
            a.distro.versionId !== b.distro.versionId
        ) {
            add(
                'distro.version',
                'platform.distro-version',
                a.distro.versionId ?? '',
                b.distro.versionId ?? '',
                `${a.distro.id} ${a.distro.versionId ?? ''} against ${b.distro.versionId ?? ''}.`,
                baseFix(`the same ${a.distro.id} release on both sides`),
            );
        }
    }
    const known = (family: string): string | null => (family === 'unknown' ? null : family);
    if (
        bothKnown(
            context,
            'platform',
            'libc',
            known(a.libc.family),
            known(b.libc.family),
            'the C library could not be identified',
        )
    ) {
        if (a.libc.family !== b.libc.family) {
            add(
                'libc',
                'platform.libc-family',
                a.libc.family,
                b.libc.family,
                `The C libraries differ: ${a.libc.family} against ${b.libc.family}; native modules built for one do not load on the other.`,
                baseFix(a.libc.family),
            );
        } else if (
            bothKnown(
                context,
                'platform',
                'libc.version',
                a.libc.version,
                b.libc.version,
                'the C library version is not known',
            ) &&
            a.libc.version !== b.libc.version
        ) {
            add(
                'libc.version',
                'platform.libc-version',
                a.libc.version ?? '',
                b.libc.version ?? '',
                `${a.libc.family} ${a.libc.version ?? ''} against ${b.libc.version ?? ''}: binaries linked against the newer one fail on the older.`,
                baseFix(`${a.libc.family} ${a.libc.version ?? ''}`),
            );
        }
    }
    const caseA = context.from.filesystem.caseSensitive;
    const caseB = context.to.filesystem.caseSensitive;
    if (
        bothKnown(context, 'filesystem', 'caseSensitive', caseA, caseB, 'case sensitivity could not be tested') &&
        caseA !== caseB
    ) {
        const word = (sensitive: boolean | null): string => (sensitive ? 'case-sensitive' : 'case-insensitive');
        drafts.push({
            facet: 'filesystem',
            key: 'caseSensitive',
            rule: 'filesystem.case',
            from: word(caseA),
            to: word(caseB),
            message: `The file system is ${word(caseA)} on one side and ${word(caseB)} on the other: an import of "./File" that finds "file" on one fails on the other.`,
        });
    }
    return drafts;
}
