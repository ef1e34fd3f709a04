import { uidInPasswd, userName } from '../../core/sandbox/uidInPasswd';
import { ContainerFiles, type EngineCall } from '../ContainerFiles';

/**
 * Whether a created (not yet started) container's user is root by name: the engine resolves a USER name
 * through the image's own /etc/passwd at start, so `USER toor` with `toor:x:0:0` would run as uid 0 although
 * the name is not "root". An /etc/passwd that is not a plain file (a link the engine would follow) cannot be
 * read here and counts as root, so the sandbox never guesses in the image's favour. Numeric users need no look.
 */
export async function userResolvesToRoot(
    call: EngineCall,
    containerId: string,
    user: string,
    signal?: AbortSignal,
): Promise<boolean> {
    const name = userName(user);
    if (name === null) {
        return false;
    }
    const entries = await new ContainerFiles(containerId, `container ${containerId.slice(0, 12)}`, call).read(
        '/etc/passwd',
        signal,
    );
    const passwd = entries?.[0];
    if (!passwd) {
        // No passwd: the engine cannot resolve the name either and refuses to start the container.
        return false;
    }
    return passwd.type !== 'file' || uidInPasswd(passwd.content.toString('utf8'), name) === 0;
}
