import type { TextFile } from '../ProjectFiles';

export interface LockedGem {
    readonly name: string;
    readonly version: string;
    /** The platform of a precompiled gem ("x86_64-linux"), null for the source ("ruby") gem. */
    readonly platform: string | null;
    readonly line: number;
}

export interface GemfileLock {
    readonly specs: readonly LockedGem[];
    readonly platforms: readonly string[];
    readonly ruby: { readonly raw: string; readonly line: number } | null;
    readonly bundledWith: { readonly raw: string; readonly line: number } | null;
}

/** Gemfile.lock's sections: GEM specs, PLATFORMS, RUBY VERSION, BUNDLED WITH. */
export function parseGemfileLock(file: TextFile): GemfileLock {
    const specs: LockedGem[] = [];
    const platforms: string[] = [];
    let ruby: GemfileLock['ruby'] = null;
    let bundledWith: GemfileLock['bundledWith'] = null;
    let section = '';
    for (const [index, raw] of file.text.split(/\r?\n/).entries()) {
        const line = index + 1;
        if (/^[A-Z]/.test(raw)) {
            section = raw.trim();
            continue;
        }
        const text = raw.trim();
        if (text === '') {
            continue;
        }
        if ((section === 'GEM' || section === 'GIT' || section === 'PATH') && /^ {4}\S/.test(raw)) {
            const spec = /^([\w.-]+) \(([^)]+)\)$/.exec(text);
            const [version = '', ...platformParts] = spec?.[2]?.split('-') ?? [];
            if (spec?.[1] && version) {
                specs.push({
                    name: spec[1],
                    version,
                    platform: platformParts.length > 0 ? platformParts.join('-') : null,
                    line,
                });
            }
        } else if (section === 'PLATFORMS') {
            platforms.push(text);
        } else if (section === 'RUBY VERSION' && !ruby) {
            ruby = { raw: text.replace(/^ruby\s+/, ''), line };
        } else if (section === 'BUNDLED WITH' && !bundledWith) {
            bundledWith = { raw: text, line };
        }
    }
    return { specs, platforms, ruby, bundledWith };
}
