import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import { readVersionFile } from '../readVersionFile';
import type { ToolPin } from '../toolVersions';
import { javaMajor, type JavaRange } from './javaMajor';

/**
 * Java pins from version managers, first wins: .java-version (jenv), .sdkmanrc, asdf, mise. Build files
 * (pom.xml, build.gradle) follow them in the detector's list.
 */
export async function javaVersionManagerPins(
    files: ProjectFiles,
    pins: readonly ToolPin[],
): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    const javaVersion = await readVersionFile(files, '.java-version', 'jenv');
    if (javaVersion) {
        declared.push(
            declaration(
                javaVersion.path,
                javaVersion.line,
                '.java-version',
                javaVersion.raw,
                javaMajor(javaVersion.raw),
            ),
        );
    }
    const sdkmanrc = await files.readText('.sdkmanrc');
    if (sdkmanrc) {
        for (const [index, line] of sdkmanrc.text.split(/\r?\n/).entries()) {
            const java = /^[ \t]*java[ \t]*=[ \t]*(\S+)/.exec(line.replace(/#.*$/, ''));
            if (java?.[1]) {
                declared.push(declaration(sdkmanrc.path, index + 1, '.sdkmanrc', java[1], javaMajor(java[1])));
            }
        }
    }
    for (const pin of pins) {
        declared.push(declaration(pin.file, pin.line, pin.source, pin.version, javaMajor(pin.version)));
    }
    return declared;
}

function declaration(file: string, line: number, source: string, raw: string, range: JavaRange): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}
