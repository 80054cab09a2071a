import { MAX_PHOTO_BYTES } from '@/lib/intake/form-limits';

/** Each field with an error, in the order of the form, and what to focus for it. */
const FOCUS: [field: string, elementId: string][] = [
  ['kategori', 'kategori'],
  ['deskripsi', 'deskripsi'],
  ['foto', 'foto'],
  ['lokasi', 'lokasi-gps'],
  ['telepon', 'telepon'],
  ['email', 'email'],
];

/**
 * Brings the first field in error to the middle of the screen and focuses it (on a phone the
 * error is otherwise far above the button just pressed); with no such field, the message next
 * to the button.
 */
export function focusFirstError(form: HTMLFormElement | null, fields: string[]): void {
  if (!form) return;
  const id = FOCUS.find(([field]) => fields.includes(field))?.[1] ?? 'kirim-pesan';
  const target = form.querySelector<HTMLElement>(`#${id}`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * How long to wait for the server: a minute for the text, and time for the photos at a slow
 * mobile upload (about 1 Mbit/s). Past it the form says so and may be sent again; the form token
 * makes a second send of a report that did arrive answer with the same ticket.
 */
export function sendDeadlineMs(data: FormData): number {
  const bytes = data.getAll('foto').reduce((sum, f) => sum + (typeof f === 'string' ? 0 : f.size), 0);
  return 60_000 + Math.ceil((bytes / MAX_PHOTO_BYTES) * 80_000);
}
