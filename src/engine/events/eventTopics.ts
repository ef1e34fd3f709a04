import type { EngineEvent } from './EngineEvent';

/** What an engine event may have changed, in terms of the lists Parity shows. */
export type EventTopic = 'containers' | 'images';

/** The filter for `GET /events`: only what the views show. */
export const VIEW_EVENT_FILTERS: Readonly<Record<string, readonly string[]>> = { type: ['container', 'image'] };

// Actions that change a row of a list. Left out on purpose: exec_*, attach, resize, top, archive-path and
// the like (a probe fires dozens of them and nothing listed changes), and kill/stop (a die follows).
const CONTAINER_ACTIONS = new Set([
    'create',
    'start',
    'restart',
    'die',
    'destroy',
    'pause',
    'unpause',
    'rename',
    'update',
    'health_status',
    'oom',
]);
const IMAGE_ACTIONS = new Set(['delete', 'import', 'load', 'pull', 'tag', 'untag', 'prune']);

/** The lists an event makes stale; empty for events that change nothing shown. */
export function eventTopics(event: EngineEvent): EventTopic[] {
    // "health_status: healthy", "exec_start: sh -c …": the action proper is before the colon.
    const action = event.Action.split(':')[0]?.trim() ?? '';
    if (event.Type === 'container') {
        // A commit makes an image out of a container.
        return action === 'commit' ? ['images'] : CONTAINER_ACTIONS.has(action) ? ['containers'] : [];
    }
    if (event.Type === 'image') {
        return IMAGE_ACTIONS.has(action) ? ['images'] : [];
    }
    return [];
}
