/**
 * On every container Parity creates, set to the container's own name. Parity's builds never label an image
 * with it, so a plain `docker run` of a Parity image does not inherit it — unlike `parity.managed`, which the
 * builds put on every image. A Dockerfile can still put any LABEL on an image, so the label counts only when
 * the container's value is not the image's (see parityPurpose).
 */
export const CONTAINER_LABEL = 'parity.container';
/** On every container Parity creates, and on every image it builds. */
export const MANAGED_LABEL = 'parity.managed';
/** What a container Parity created is for: `sandbox`, `probe` … */
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
