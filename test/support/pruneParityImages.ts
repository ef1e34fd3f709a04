import { dockerCli } from './dockerCli';

/**
 * Removes untagged images Parity's builds left behind (an image whose tag moved to a rebuild): every build
 * carries `parity.managed=true`, so only those go. Suites call it last, so the engine does not fill up.
 */
export function pruneParityImages(): void {
    dockerCli(['image', 'prune', '--force', '--filter', 'label=parity.managed=true']);
}
