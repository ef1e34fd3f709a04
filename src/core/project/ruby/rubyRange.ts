import semver from 'semver';

export interface RubyRange {
    /** A semver range: an exact version ("3.3.0"), a release line ("3.3"), or bounds (">=3.2.0 <4.0.0"). */
    readonly range: string | null;
    readonly note?: string;
}

const NOT_CRUBY = /^(jruby|truffleruby|mruby|rbx|rubinius|maglev|ree|artichoke)/i;

/** A pinned Ruby version (.ruby-version, asdf, mise, Gemfile.lock's RUBY VERSION): "ruby-3.3.0", "3.3.0p0", "3.3". */
export function rubyPinRange(text: string): RubyRange {
    const raw = text.trim();
    const other = NOT_CRUBY.exec(raw);
    if (other) {
        return { range: null, note: `${raw} is ${other[1] ?? ''}, not CRuby` };
    }
    const version = raw.replace(/^ruby-/, '');
    const patchLevel = /^(\d+\.\d+\.\d+)p\d+$/.exec(version);
    if (patchLevel?.[1]) {
        return {
            range: patchLevel[1],
            note: `${version} is ${patchLevel[1]} at patch level ${version.slice(patchLevel[1].length + 1)}`,
        };
    }
    if (/^\d+\.\d+(?:\.\d+(?:-[\w.]+)?)?$/.test(version) && semver.validRange(version)) {
        return version === raw ? { range: version } : { range: version, note: `${raw} is Ruby ${version}` };
    }
    return { range: null, note: `"${raw}" is not a Ruby version` };
}

/** A Gemfile `ruby` requirement list (RubyGems syntax: "~> 3.2", ">= 3.1", "3.3.0") as a semver range. */
export function rubyRequirementRange(requirements: readonly string[]): RubyRange {
    const parts: string[] = [];
    for (const requirement of requirements) {
        const match = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\d+(?:\.\d+)*)\s*$/.exec(requirement);
        const version = match?.[2];
        if (!match || !version) {
            return { range: null, note: `"${requirement}" is not a RubyGems requirement` };
        }
        const operator = match[1] ?? '=';
        if (operator === '!=') {
            return { range: null, note: '"!=" has no semver range form' };
        }
        parts.push(
            operator === '=' ? version : operator === '~>' ? pessimistic(version) : `${operator}${full(version)}`,
        );
    }
    const range = parts.join(' ');
    return semver.validRange(range)
        ? { range }
        : { range: null, note: `"${requirements.join(', ')}" is not a RubyGems requirement` };
}

const full = (version: string): string =>
    [...version.split('.'), '0', '0'].slice(0, Math.max(3, version.split('.').length)).join('.');

/** "~> 3.2" → ">=3.2.0 <4.0.0"; "~> 3.2.1" → ">=3.2.1 <3.3.0" (the last given part may grow). */
function pessimistic(version: string): string {
    const release = version.split('.').map(Number);
    const kept = release.length > 1 ? release.slice(0, -1) : release;
    kept[kept.length - 1] = (kept[kept.length - 1] ?? 0) + 1;
    return `>=${full(version)} <${full(kept.join('.'))}`;
}
