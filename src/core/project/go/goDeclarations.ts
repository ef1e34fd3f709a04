import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import { readVersionFile } from '../readVersionFile';
import type { ProjectFiles } from '../ProjectFiles';
import type { ToolPin } from '../toolVersions';
import { goDirectiveRange, goPinRange, type GoRange } from './goVersionRange';
import type { GoMod } from './parseGoMod';

/**
 * Go pins, first wins: go.mod's toolchain (the toolchain the go command switches to), go.mod's go line
 * (a minimum), then version-manager files (.go-version, asdf, mise), which only pick the local go binary.
 */
export async function goDeclarations(
    files: ProjectFiles,
    goModPath: string,
    goMod: GoMod | null,
    pins: readonly ToolPin[],
): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    if (goMod?.toolchain) {
        declared.push(
            declaration(
                goModPath,
                goMod.toolchain.line,
                'go.mod#toolchain',
                goMod.toolchain.value,
                goPinRange(goMod.toolchain.value),
            ),
        );
    }
    if (goMod?.go) {
        declared.push(
            declaration(goModPath, goMod.go.line, 'go.mod#go', goMod.go.value, goDirectiveRange(goMod.go.value)),
        );
    }
    const goVersion = await readVersionFile(files, '.go-version', 'goenv');
    if (goVersion) {
        declared.push(
            declaration(goVersion.path, goVersion.line, '.go-version', goVersion.raw, goPinRange(goVersion.raw)),
        );
    }
    for (const pin of pins) {
        declared.push(declaration(pin.file, pin.line, pin.source, pin.version, goPinRange(pin.version)));
    }
    return declared;
}

function declaration(file: string, line: number, source: string, raw: string, range: GoRange): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}
