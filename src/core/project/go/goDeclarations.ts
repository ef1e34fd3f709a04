import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import type { ToolPin } from '../toolVersions';
import { goDirectiveRange, goPinRange, type GoRange } from './goVersionRange';
import type { GoMod } from './parseGoMod';

/**
 * Go pins, first wins: go.mod's toolchain (the toolchain the go command switches to), go.mod's go line
 * (a minimum), then version-manager files (.go-version, asdf, mise), which only pick the local go binary.
 */
export async function goDeclarations(files: ProjectFiles, goModPath: string, goMod: GoMod | null, pins: readonly ToolPin[]): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    if (goMod?.toolchain) {
        declared.push(declaration(goModPath, goMod.toolchain.line, 'go.mod#toolchain', goMod.toolchain.value, goPinRange(goMod.toolchain.value)));
    }
    if (goMod?.go) {
        declared.push(declaration(goModPath, goMod.go.line, 'go.mod#go', goMod.go.value, goDirectiveRange(goMod.go.value)));
    }
    const goVersion = await files.readText('.go-version');
    if (goVersion) {
        const lines = goVersion.text.split(/\r?\n/);
        const index = lines.findIndex((line) => line.trim() !== '');
        const raw = lines[index]?.trim();
        if (raw) {
            declared.push(declaration(goVersion.path, index + 1, '.go-version', raw, goPinRange(raw)));
        } else {
            files.issues.add({ severity: 'warning', message: '.go-version is empty; goenv ignores it.', at: { file: goVersion.path, line: 1 } });
        }
    }
    for (const pin of pins) {
        declared.push(declaration(pin.file, pin.line, pin.source, pin.version, goPinRange(pin.version)));
    }
    return declared;
}

function declaration(file: string, line: number, source: string, raw: string, range: GoRange): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}
