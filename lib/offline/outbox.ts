/*
 * The offline queue ("antrean") of what a phone could not send: a citizen's report, a field
 * crew's follow-up. Pure rules, no storage: what an item is, which items a page may send, and
 * what a server's answer (or its absence) does to an item. Exactly once rests on two things:
 * an item leaves the queue only after the server answered with a ticket or a definitive
 * refusal, and a resend is harmless (a report's form token gives the same ticket; a follow-up
 * carries the ticket version it was written against, and the server tells its own earlier
 * arrival apart from someone else's change).
 */

export type OutboxKind = 'laporan' | 'tindak_lanjut';

/** menunggu: waiting to be sent · mengirim: a page is sending it · terkirim: filed · ditolak: refused, kept to be seen and edited */
export type OutboxState = 'menunggu' | 'mengirim' | 'terkirim' | 'ditolak';

/** A form field as stored: text, or a file (a Blob with its name, as IndexedDB keeps it). */
export type StoredField = [name: string, value: string | File];

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  /** A follow-up's official: only their own session may send it. Null for a citizen's report. */
  userId: number | null;
  state: OutboxState;
  /** The form as it was sent; dropped once filed (photos are not kept longer than needed). */
  fields: StoredField[];
  /** What the list shows: the first words of the text, the ticket of a follow-up, the number of photos. */
  summary: { text: string; photos: number; ticket: string | null };
  createdAt: number;
  /** When a page began sending it (a page closed mid-send leaves it so: sent again after STALE_SEND_MS). */
  sendingSince: number | null;
  attempts: number;
  /** the answer: a ticket number and link, or a refusal code and its message */
  number?: string;
  trackingUrl?: string;
  refusal?: { code: string; message: { id: string; en: string } | null };
}

/** A send that did not answer in this time is taken as lost (the page closed, the phone slept). */
export const STALE_SEND_MS = 5 * 60_000;

export function newOutboxItem(kind: OutboxKind, fields: StoredField[], opts: { id: string; now: number; userId?: number | null; ticket?: string | null }): OutboxItem {
  const text = String(fields.find(([name]) => name === (kind === 'laporan' ? 'deskripsi' : 'keterangan'))?.[1] ?? '');
  return {
    id: opts.id,
    kind,
    userId: opts.userId ?? null,
    state: 'menunggu',
    fields,
    summary: { text: text.length > 80 ? `${text.slice(0, 79)}…` : text, photos: fields.filter(([name, v]) => name === 'foto' && typeof v !== 'string').length, ticket: opts.ticket ?? null },
    createdAt: opts.now,
    sendingSince: null,
    attempts: 0,
  };
}

/** The items this page may send now, oldest first: waiting ones and abandoned sends, of this user only for follow-ups. */
export function sendable(items: OutboxItem[], who: { kind: OutboxKind; userId: number | null }, now: number): OutboxItem[] {
  return items
    .filter((item) => item.kind === who.kind)
    .filter((item) => item.kind === 'laporan' || (who.userId !== null && item.userId === who.userId))
    .filter((item) => item.state === 'menunggu' || (item.state === 'mengirim' && item.sendingSince !== null && now - item.sendingSince >= STALE_SEND_MS))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * What the service worker sends on a Background Sync event, with no page open: citizens' reports,
 * then follow-ups, oldest first. The worker does not know who is signed in; the server does (a
 * follow-up under another session or none is refused and waits, see followUpOutcome).
 */
export function sendableInBackground(items: OutboxItem[], now: number): OutboxItem[] {
  const order: Record<OutboxKind, number> = { laporan: 0, tindak_lanjut: 1 };
  return items
    .filter((item) => item.state === 'menunggu' || (item.state === 'mengirim' && item.sendingSince !== null && now - item.sendingSince >= STALE_SEND_MS))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.createdAt - b.createdAt);
}

/** The route each kind is sent to (the same routes as a page's send). */
export const SEND_URL: Record<OutboxKind, string> = { laporan: '/api/laporan/kirim', tindak_lanjut: '/api/petugas/tindak-lanjut' };

/** The Background Sync tag a page registers when it queues something (lib/pwa/sw.ts answers it). */
export const SYNC_TAG = 'aduan-antrean';

/** What the list of a page shows: the same scope as sendable, every state. */
export function visible(items: OutboxItem[], who: { kind: OutboxKind; userId: number | null }): OutboxItem[] {
  return items.filter((item) => item.kind === who.kind && (item.kind === 'laporan' || (who.userId !== null && item.userId === who.userId))).sort((a, b) => a.createdAt - b.createdAt);
}

/** What came back from one send. */
export type SendOutcome =
  | { kind: 'diterima'; number?: string; trackingUrl?: string }
  | { kind: 'ditolak'; code: string; message: { id: string; en: string } | null }
  /** no answer, a network error, a timeout, a limit or a server failure: the item waits for the next chance */
  | { kind: 'coba_lagi' };

/** The answer of the report route (app/api/laporan/kirim) as a send outcome. */
export function reportOutcome(status: number, body: unknown): SendOutcome {
  const answer = (body ?? {}) as { ok?: boolean; number?: unknown; trackingUrl?: unknown; fieldErrors?: Record<string, string>; formError?: { id: string; en: string } };
  if (status === 200 && answer.ok === true && typeof answer.number === 'string') {
    return { kind: 'diterima', number: answer.number, trackingUrl: typeof answer.trackingUrl === 'string' ? answer.trackingUrl : undefined };
  }
  if (status === 429 || status >= 500 || answer.ok !== false) return { kind: 'coba_lagi' };
  const field = Object.values(answer.fieldErrors ?? {})[0];
  return { kind: 'ditolak', code: field ?? `http_${status}`, message: answer.formError ?? null };
}

/** Refusals of a follow-up that say "not by this session", not "not this follow-up". */
const NOT_THIS_SESSION = new Set(['belum_masuk', 'petugas_berbeda']);

/**
 * The answer of the follow-up route (app/api/petugas/tindak-lanjut) as a send outcome. Sent in the
 * background (by the service worker, whoever is signed in or nobody), "sign in first" and "written
 * by another account" leave it waiting for its own official's session instead of refusing it.
 */
export function followUpOutcome(status: number, body: unknown, opts: { inBackground?: boolean } = {}): SendOutcome {
  const answer = (body ?? {}) as { ok?: boolean; code?: unknown; message?: { id: string; en: string } };
  if (status === 200 && answer.ok === true) return { kind: 'diterima' };
  if (status === 429 || status >= 500 || answer.ok !== false || typeof answer.code !== 'string') return { kind: 'coba_lagi' };
  if (opts.inBackground && NOT_THIS_SESSION.has(answer.code)) return { kind: 'coba_lagi' };
  return { kind: 'ditolak', code: answer.code, message: answer.message ?? null };
}

export function markSending(item: OutboxItem, now: number): OutboxItem {
  return { ...item, state: 'mengirim', sendingSince: now, attempts: item.attempts + 1 };
}

/** The item after a send: filed (its form dropped), refused (kept whole, to be edited), or waiting again. */
export function settle(item: OutboxItem, outcome: SendOutcome): OutboxItem {
  switch (outcome.kind) {
    case 'diterima':
      return { ...item, state: 'terkirim', sendingSince: null, fields: [], number: outcome.number, trackingUrl: outcome.trackingUrl, refusal: undefined };
    case 'ditolak':
      return { ...item, state: 'ditolak', sendingSince: null, refusal: { code: outcome.code, message: outcome.message } };
    case 'coba_lagi':
      return { ...item, state: 'menunggu', sendingSince: null };
    default:
      return outcome satisfies never;
  }
}

/** Only a filed or refused item may be removed, and only by the person (they have seen the answer). */
export function mayRemove(item: OutboxItem): boolean {
  return item.state === 'terkirim' || item.state === 'ditolak';
}
