/** The longest title Parity writes; manifest names are short, anything longer is not a name. */
const MAX_TITLE = 128;

/**
 * The image's org.opencontainers.image.title: the name the app's manifest gives it (package.json name,
 * pyproject name, artifactId, go.mod module …), else the app's folder. The name comes from a project file, so
 * it is hostile input: control and format characters (line breaks, bidi overrides) are dropped, white space is
 * collapsed, and a name that is empty or too long after that falls back to the folder.
 */
export function imageTitle(projectRoot: string, appRoot: string, manifestName: string | undefined): string {
    const name =
        manifestName
            ?.replace(/[\p{C}]/gu, ' ')
            .replace(/\s+/g, ' ')
            .trim() ?? '';
    if (name !== '' && name.length <= MAX_TITLE) {
        return name;
    }
    const path = appRoot === '.' ? projectRoot : appRoot;
    return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
