/** The labels on every container Parity creates (the throwaway ones use the first two as well). */
export const MANAGED_LABEL = 'parity.managed';
export const PURPOSE_LABEL = 'parity.purpose';
/** The value of `parity.purpose` on sandboxes. */
export const SANDBOX_PURPOSE = 'sandbox';
/** The project folder a sandbox runs (absent when it runs an image named directly). */
export const PROJECT_LABEL = 'parity.project';
/** The image reference as the user or the pipeline named it (the container only keeps the ID reliably). */
export const IMAGE_LABEL = 'parity.image';
/** The app's port inside the container. */
export const PORT_LABEL = 'parity.port';
/** The process that started the sandbox and stops it when it ends (see sandboxOwner), so one it left running can be found. */
export const OWNER_LABEL = 'parity.owner';

/** The engine's label filter that finds sandboxes. */
export const SANDBOX_FILTER = `${PURPOSE_LABEL}=${SANDBOX_PURPOSE}`;
/** The engine's label filter that finds everything Parity created. */
export const MANAGED_FILTER = `${MANAGED_LABEL}=true`;
