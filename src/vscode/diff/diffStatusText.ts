import type { Severity } from '../../core/findings/Finding';

/**
 * The status bar text of the last diff, e.g. `$(diff) $(error) 2 $(warning) 3 $(info) 14`: every severity
 * shown, zeros too, so the item keeps its shape; `$(diff) $(check)` when nothing differs.
 */
export function diffStatusText(counts: Readonly<Record<Severity, number>>): string {
    if (counts.error + counts.warning + counts.info === 0) {
        return '$(diff) $(check)';
    }
    return `$(diff) $(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.info}`;
}
