import { nodeProjectFiles } from '../core/project/nodeProjectFiles';
import { readDotenvValues } from '../core/project/readDotenv';

/** A project's .env values, for a sandbox the user explicitly allowed to see them (never logged, never stored). */
export function readProjectDotenv(projectRoot: string): Promise<Record<string, string>> {
    return readDotenvValues(nodeProjectFiles(projectRoot));
}
