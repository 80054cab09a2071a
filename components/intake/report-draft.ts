/*
 * What has been entered on /lapor, kept in the tab's sessionStorage until the report is filed:
 * a phone that drops the page while the camera is open, a reload, or a portal updated between
 * opening the form and sending it no longer cost the citizen what they typed. Photos cannot be
 * kept this way; only their number is, so that the form can ask for them again.
 */

const KEY = 'aduan:lapor:draf';
/** Fields read from and written back to the form as they are; the rest is the form's own state. */
const PLAIN = ['privasi', 'alamat', 'nama', 'telepon', 'email'] as const;

export interface ReportDraft {
  kategori: string;
  deskripsi: string;
  point: { lat: number; lng: number } | null;
  regions: Record<'kota' | 'kecamatan' | 'kelurahan', string>;
  plain: Partial<Record<(typeof PLAIN)[number], string>>;
  photoCount: number;
}

export function readDraft(): ReportDraft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ReportDraft | null;
    return draft && typeof draft.deskripsi === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** A draft from a form's values (read by name), or null when nothing was entered yet. */
function draftOf(get: (name: string) => string, photoCount: number): ReportDraft | null {
  const lat = Number(get('lat'));
  const lng = Number(get('lng'));
  const draft: ReportDraft = {
    kategori: get('kategori'),
    deskripsi: get('deskripsi'),
    point: get('lat') && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null,
    regions: { kota: get('kota'), kecamatan: get('kecamatan'), kelurahan: get('kelurahan') },
    plain: Object.fromEntries(PLAIN.map((name) => [name, get(name)])),
    photoCount,
  };
  const isEmpty =
    !draft.kategori && !draft.deskripsi.trim() && !draft.point && !draft.regions.kota && photoCount === 0 && PLAIN.every((n) => !draft.plain[n] || n === 'privasi');
  return isEmpty ? null : draft;
}

function keep(draft: ReportDraft | null): void {
  try {
    if (!draft) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // storage full or forbidden (private mode): the form still works, only without this safety net
  }
}

/** Keeps the form's current entries (nothing when it is still empty). */
export function saveDraft(form: HTMLFormElement, photoCount: number): void {
  const data = new FormData(form);
  keep(draftOf((name) => String(data.get(name) ?? ''), photoCount));
}

/** Puts a report back as the draft the form restores (a refused report from the offline queue, to be edited). */
export function saveDraftFromFields(fields: [string, unknown][]): void {
  const get = (name: string) => {
    const value = fields.find(([n]) => n === name)?.[1];
    return typeof value === 'string' ? value : '';
  };
  keep(draftOf(get, fields.filter(([name, value]) => name === 'foto' && typeof value !== 'string').length));
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

/** Puts the draft's plain fields back into the form (radios by value). */
export function restorePlainFields(form: HTMLFormElement, draft: ReportDraft): void {
  for (const name of PLAIN) {
    const value = draft.plain[name];
    const field = form.elements.namedItem(name);
    if (value === undefined || !field) continue;
    if (field instanceof RadioNodeList) field.value = value;
    else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
  }
}
