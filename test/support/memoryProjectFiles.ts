import { IssueSink, type ProjectFiles } from '../../src/core/project/ProjectFiles';

/** A project held in memory: path → text, for tests that generate thousands of projects. */
export function memoryProjectFiles(files: Readonly<Record<string, string>>): ProjectFiles {
    return {
        root: '/project',
        readText: (path) => Promise.resolve(Object.hasOwn(files, path) ? { path, text: files[path] ?? '' } : null),
        list: () => Promise.resolve([]),
        exists: (path) => Promise.resolve(Object.hasOwn(files, path)),
        issues: new IssueSink(),
    };
}
