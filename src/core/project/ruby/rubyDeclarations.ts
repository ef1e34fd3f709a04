import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import { firstValueLine, readVersionFile } from '../readVersionFile';
import type { ToolPin } from '../toolVersions';
import type { Gemfile } from './parseGemfile';
import type { GemfileLock } from './parseGemfileLock';
import { rubyPinRange, rubyRequirementRange, type RubyRange } from './rubyRange';

/**
 * Ruby pins, first wins: .ruby-version (rbenv, chruby, rvm), asdf, mise — what picks the ruby binary —
 * then the Gemfile's `ruby` directive (Bundler refuses other versions) and Gemfile.lock's RUBY VERSION.
 */
export async function rubyDeclarations(
    files: ProjectFiles,
    pins: readonly ToolPin[],
    gemfilePath: string,
    gemfile: Gemfile | null,
    lockPath: string,
    lock: GemfileLock | null,
): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    const rubyVersion = await readVersionFile(files, '.ruby-version', 'every Ruby version manager');
    if (rubyVersion) {
        declared.push(
            declaration(
                rubyVersion.path,
                rubyVersion.line,
                '.ruby-version',
                rubyVersion.raw,
                rubyPinRange(rubyVersion.raw),
            ),
        );
    }
    for (const pin of pins) {
        declared.push(declaration(pin.file, pin.line, pin.source, pin.version, rubyPinRange(pin.version)));
    }
    const ruby = gemfile?.ruby;
    if (ruby) {
        let range: RubyRange;
        if (ruby.file) {
            const named = await files.readText(ruby.file);
            const line = named ? firstValueLine(named.text) : null;
            range = line
                ? { ...rubyPinRange(line.raw), note: `the Gemfile reads ${ruby.file}: ${line.raw}` }
                : { range: null, note: `the Gemfile reads ${ruby.file}, which is missing or empty` };
        } else {
            range = rubyRequirementRange(ruby.requirements);
        }
        declared.push(declaration(gemfilePath, ruby.at.line, 'Gemfile#ruby', ruby.raw, range));
    }
    if (lock?.ruby) {
        declared.push(
            declaration(
                lockPath,
                lock.ruby.line,
                'Gemfile.lock#RUBY VERSION',
                lock.ruby.raw,
                rubyPinRange(lock.ruby.raw),
            ),
        );
    }
    return declared;
}

function declaration(file: string, line: number, source: string, raw: string, range: RubyRange): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}
