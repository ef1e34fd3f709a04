/**
 * A path inside a project that Parity refuses to write or read: a symbolic link, a folder that leads out of
 * the project, something that is not a regular file, or a project folder that does not exist. A cloned
 * repository is hostile input — a link there must not make Parity touch a file elsewhere.
 */
export class ProjectPathError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ProjectPathError';
    }
}
