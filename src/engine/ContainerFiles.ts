import type { Dockerode } from './Dockerode';
import { EngineError } from './EngineError';
import { readTarEntries, type TarEntry, TarTooLargeError } from './readTarEntries';

/** How EngineClient runs one engine request: deadline, the caller's signal, logging, one error type. */
export type EngineCall = <T>(
    operation: string,
    run: (docker: Dockerode, signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    timeoutMs?: number,
) => Promise<T>;

/** Archives bigger than this are not read into memory (Parity only reads small files this way). */
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

/**
 * A container's file system read through the archive API (`/containers/{id}/archive`): works on running
 * containers and on created-but-never-started ones, and needs no shell or tool inside.
 */
export class ContainerFiles {
    constructor(
        readonly id: string,
        protected readonly label: string,
        protected readonly call: EngineCall,
    ) {}

    /** Whether the path exists (a dangling symbolic link counts). */
    async exists(path: string, signal?: AbortSignal): Promise<boolean> {
        try {
            const response = await this.call(
                `looking for ${path} in ${this.label}`,
                (docker, s) => docker.getContainer(this.id).infoArchive({ path, abortSignal: s }),
                signal,
            );
            response.resume();
            return true;
        } catch (error) {
            if (error instanceof EngineError && error.statusCode === 404) {
                return false;
            }
            throw error;
        }
    }

    /**
     * The tar members for a path (one for a file or link, the whole tree for a folder), named relative to
     * the path's parent folder; null when the path does not exist. Links are not followed.
     */
    async read(path: string, signal?: AbortSignal): Promise<TarEntry[] | null> {
        try {
            return await this.call(
                `reading ${path} from ${this.label}`,
                async (docker, s) => {
                    const stream = await docker.getContainer(this.id).getArchive({ path, abortSignal: s });
                    try {
                        return await readTarEntries(stream as AsyncIterable<Buffer>, MAX_ARCHIVE_BYTES);
                    } catch (error) {
                        throw error instanceof TarTooLargeError ? new Error(`${path} is ${error.message}`) : error;
                    }
                },
                signal,
            );
        } catch (error) {
            if (error instanceof EngineError && error.statusCode === 404) {
                return null;
            }
            throw error;
        }
    }
}
