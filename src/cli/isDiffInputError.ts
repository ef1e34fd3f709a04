import { DiffConfigError } from '../core/diff/DiffConfigError';
import { DiffTargetError } from '../core/diff/DiffTarget';
import { EnvHashKeyError } from '../core/snapshot/EnvHashKeyError';
import { SnapshotValidationError } from '../core/snapshot/SnapshotValidationError';

/** Input a diff cannot use (a target, a saved snapshot, the project's config, the key file): its message is complete, said in one line. */
export function isDiffInputError(error: unknown): error is Error {
    return (
        error instanceof DiffTargetError ||
        error instanceof SnapshotValidationError ||
        error instanceof DiffConfigError ||
        error instanceof EnvHashKeyError
    );
}
