import type { LocaleFacts } from './Snapshot';

export const LOCALE_VARS = [
    'LC_ALL',
    'LC_CTYPE',
    'LANG',
    'LANGUAGE',
    'LC_MESSAGES',
    'LC_COLLATE',
    'LC_NUMERIC',
    'LC_TIME',
] as const;

/**
 * The locale a program gets from these variables, by POSIX precedence for character handling:
 * LC_ALL, then LC_CTYPE, then LANG, else "C" (ASCII) — the usual reason a UTF-8 laptop and a bare
 * container print the same bytes differently.
 */
export function localeFacts(env: Readonly<Record<string, string | undefined>>): LocaleFacts {
    const vars: Record<string, string | null> = {};
    for (const name of LOCALE_VARS) {
        const value = env[name];
        vars[name] = value === undefined || value === '' ? null : value;
    }
    const effective = vars.LC_ALL ?? vars.LC_CTYPE ?? vars.LANG ?? 'C';
    return { vars, effective, encoding: encodingOf(effective) };
}

/** "en_US.utf8" → "UTF-8"; "C"/"POSIX" → the ASCII charmap name glibc reports. */
export function encodingOf(locale: string): string | null {
    if (locale === 'C' || locale === 'POSIX') {
        return 'ANSI_X3.4-1968';
    }
    const dot = locale.indexOf('.');
    if (dot < 0) {
        return null;
    }
    const charset =
        locale
            .slice(dot + 1)
            .split('@')[0]
            ?.toUpperCase() ?? '';
    return charset === 'UTF8' ? 'UTF-8' : charset || null;
}
