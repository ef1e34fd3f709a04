import type { LockfileFact, PackageManagerFacts } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { ProjectFiles } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';

export const GRADLE_BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
const GRADLE_FILES = [...GRADLE_BUILD_FILES, 'settings.gradle.kts', 'settings.gradle'];

/** Maven and/or Gradle, with the version their wrapper pins. */
export async function javaBuildTools(
    files: ProjectFiles,
    walk: ProjectWalk,
): Promise<{ packageManagers: PackageManagerFacts[]; lockfiles: LockfileFact[] }> {
    const packageManagers: PackageManagerFacts[] = [];
    const lockfiles: LockfileFact[] = [];
    if (walk.has('pom.xml')) {
        packageManagers.push({
            name: 'maven',
            ecosystem: 'java',
            declared: await wrapperVersion(
                files,
                '.mvn/wrapper/maven-wrapper.properties',
                /apache-maven-([\w.-]+?)-bin\.zip/,
            ),
            evidence: walk.has('mvnw') ? 'mvnw wrapper' : 'pom.xml',
        });
    }
    const gradleFile = GRADLE_FILES.find((path) => walk.has(path));
    if (gradleFile) {
        packageManagers.push({
            name: 'gradle',
            ecosystem: 'java',
            declared: await wrapperVersion(
                files,
                'gradle/wrapper/gradle-wrapper.properties',
                /gradle-([\w.-]+?)-(?:bin|all)\.zip/,
            ),
            evidence: walk.has('gradlew') ? 'gradlew wrapper' : gradleFile,
        });
        if (walk.has('gradle.lockfile')) {
            lockfiles.push({ file: 'gradle.lockfile', manager: 'gradle', packageRoot: '.' });
        }
    }
    return { packageManagers, lockfiles };
}

/** The tool version in a wrapper's distributionUrl. */
async function wrapperVersion(
    files: ProjectFiles,
    path: string,
    pattern: RegExp,
): Promise<PackageManagerFacts['declared']> {
    const file = await files.readText(path);
    const line = file ? /^[ \t]*distributionUrl[ \t]*[=:][ \t]*(.*)$/m.exec(file.text) : null;
    const version = line?.[1] ? pattern.exec(line[1])?.[1] : undefined;
    return file && line && version
        ? { file: file.path, line: lineAt(file.text, line.index), raw: version, source: `${path}#distributionUrl` }
        : null;
}
