/*
 * The report form's limits, shared by the server's checks and the browser's (this module has no
 * dependencies, so the form can import it without pulling the server's validation into the page).
 */

/** The longest description a citizen may file, in characters (a line break is one). */
export const DESCRIPTION_MAX = 2000;

export const MAX_PHOTOS = 3;

/** Per photo, as uploaded: the server refuses larger files (lib/media/process-image). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The photo types the server decodes (lib/media/process-image sniffs the same three). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** All photos of one report together. */
export const MAX_PHOTOS_TOTAL_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES;

/**
 * The server action body limit (next.config.ts): every photo at its largest plus room for the
 * text fields and the multipart framing, so that a form the browser lets through is never cut off.
 */
export const ACTION_BODY_LIMIT_MB = Math.ceil(MAX_PHOTOS_TOTAL_BYTES / (1024 * 1024)) + 2;
