import type { Side } from '../findings/Finding';

/**
 * Project files a diff may point fixes at, read by the caller (core reads no files). All optional: without
 * them findings still come, only with fewer fixes.
 */
export interface DiffProject {
    /** The project's Dockerfile, project-relative path and text: FROM, ENV, USER and EXPOSE fixes point into it. */
    readonly dockerfile?: { readonly file: string; readonly text: string };
    /** Which side runs the image built from that Dockerfile; by default the `to` side when it is an image or container, else `from` when that is. */
    readonly imageSide?: Side;
    /** The base image the plan chose (plan.base.image), so the right FROM is found in a multi-stage file; else the last FROM. */
    readonly baseImage?: string;
    /** .env / .env.example texts: their keys count as required variables, and fixes point at their lines. */
    readonly envFiles?: readonly { readonly file: string; readonly text: string }[];
}
