import { DESCRIPTION_MAX } from '@/lib/intake/form-limits';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import type { ImageRejection } from '@/lib/media/process-image';
import type { OutgoingContent } from './graph';
import type { InboundContent } from './payload';
import { photoRejectedText, say, type Language } from './texts';

/**
 * The WhatsApp conversation that files a report or tracks a ticket, as a state machine over plain
 * data: the state is stored with the sender (wa_conversations.state), so any worker, after any
 * restart, continues where the last message left it. Everything that needs the outside world
 * (the categories, a photo's checks, a place, a ticket, filing) is a port passed in.
 */
export type Step = 'idle' | 'menu' | 'group' | 'category' | 'description' | 'photo' | 'place' | 'visibility' | 'track';

export interface Draft {
  group?: string;
  /** Null: "other", the report waits in triage for a category. */
  categoryCode?: string | null;
  isConfidential?: boolean;
  description?: string;
  mediaId?: string | null;
  lat?: number | null;
  lng?: number | null;
  kelurahanCode?: string | null;
  address?: string | null;
}

export interface ConversationState {
  step: Step;
  draft: Draft;
  /** Page of the list shown (groups or categories). */
  page?: number;
  /** When this sender filed reports (ISO), for the hourly limit; older entries are dropped. */
  filings?: string[];
}

export const INITIAL_STATE: ConversationState = { step: 'idle', draft: {} };

export interface CategoryOption {
  code: string;
  nameId: string;
  nameEn: string;
  groupId: string;
  groupEn: string;
  isConfidential: boolean;
}

export type PhotoCheck = 'ok' | 'too_large' | 'unavailable' | ImageRejection;

export type TrackAnswer =
  | { kind: 'invalid' }
  | { kind: 'confidential' }
  | { kind: 'not_found'; number: string }
  | { kind: 'ticket'; number: string; status: string; lastStep: { text: string; at: string } | null };

export interface ConversationPorts {
  categories(): Promise<CategoryOption[]>;
  checkPhoto(mediaId: string): Promise<PhotoCheck>;
  /** Whether a point lies in Jakarta. */
  isInJakarta(lat: number, lng: number): boolean;
  /** The kelurahan a typed place names, or null (the report then waits in triage). */
  findPlace(text: string): Promise<{ kelurahanCode: string; name: string } | null>;
  track(typed: string, language: Language): Promise<TrackAnswer>;
  /** Files the report; the same draft filed again (a retried message) gives the same ticket. */
  file(draft: Draft, isPublic: boolean): Promise<{ number: string; link: string }>;
}

export interface ConversationInput {
  state: ConversationState;
  language: Language;
  content: InboundContent;
  now: Date;
  /** The conversation went silent past its expiry while a report was being filled in. */
  isExpired: boolean;
  reportsPerHour: number;
  idleMinutes: number;
}

export interface ConversationOutput {
  state: ConversationState;
  language: Language;
  replies: OutgoingContent[];
  /** 'out': "berhenti", no more status messages; 'in': "mulai". */
  optOut?: 'out' | 'in';
}

const PAGE = 8;
const HOUR_MS = 3600_000;
const MIN_DESCRIPTION = 10;

const normalized = (text: string) => text.trim().toLowerCase().replace(/[.!?]+$/, '');
const COMMANDS: Record<string, 'cancel' | 'stop' | 'start' | 'en' | 'id' | 'menu'> = {
  batal: 'cancel',
  cancel: 'cancel',
  berhenti: 'stop',
  stop: 'stop',
  unsubscribe: 'stop',
  mulai: 'start',
  start: 'start',
  english: 'en',
  'bahasa inggris': 'en',
  'in english': 'en',
  indonesia: 'id',
  'bahasa indonesia': 'id',
  bahasa: 'id',
  menu: 'menu',
};

const ENGLISH = /\b(hello|hi|hey|good (morning|afternoon|evening)|i want|i would|please|report|problem|help|track|there is|the)\b/i;
const INDONESIAN = /\b(halo|hai|selamat|saya|mau|ingin|tolong|lapor|laporan|ada|pagi|siang|sore|malam|jalan|yang|di|tidak|sudah)\b/i;

/** The language a first message is written in, when it clearly says: English only when it reads as English. */
export function detectLanguage(text: string): Language | null {
  const en = (text.match(new RegExp(ENGLISH, 'gi')) ?? []).length;
  const id = (text.match(new RegExp(INDONESIAN, 'gi')) ?? []).length;
  if (en > id) return 'en';
  if (id > en) return 'id';
  return null;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function greeting(language: Language): OutgoingContent {
  return {
    text: say('greeting', language),
    buttons: [
      { id: 'lapor', title: say('makeReport', language) },
      { id: 'lacak', title: say('trackTicket', language) },
      { id: language === 'en' ? 'lang:id' : 'lang:en', title: say('otherLanguage', language) },
    ],
  };
}

function groupsOf(categories: CategoryOption[], language: Language): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const c of categories) if (!seen.has(c.groupId)) seen.set(c.groupId, language === 'en' ? c.groupEn : c.groupId);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * An interactive list holds at most 10 rows, titles of 24 characters: a page of 8 entries, then
 * "more" when there are further pages, then "other" (groups) or "back" (categories).
 */
function listMessage(text: string, language: Language, sectionTitle: string, rows: { id: string; title: string }[], page: number, last: { id: string; title: string; description?: string }): OutgoingContent {
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE).map((r) => ({
    id: r.id,
    title: truncate(r.title, 24),
    ...(r.title.length > 24 ? { description: truncate(r.title, 72) } : {}),
  }));
  const more = rows.length > (page + 1) * PAGE ? [{ id: `more:${page + 1}`, title: say('next', language) }] : [];
  return {
    text,
    list: { button: say('listButton', language), sections: [{ title: truncate(sectionTitle, 24), rows: [...shown, ...more, last] }] },
  };
}

function groupList(categories: CategoryOption[], language: Language, page: number): OutgoingContent {
  const rows = groupsOf(categories, language).map((g, i) => ({ id: `grp:${i}`, title: g.name }));
  return listMessage(say('chooseGroup', language), language, say('listButton', language), rows, page, {
    id: 'other',
    title: say('other', language),
    description: say('otherDescription', language),
  });
}

function categoryList(categories: CategoryOption[], group: string, language: Language, page: number): OutgoingContent {
  const inGroup = categories.filter((c) => c.groupId === group);
  const rows = inGroup.map((c) => ({ id: `cat:${c.code}`, title: language === 'en' ? c.nameEn : c.nameId }));
  const title = language === 'en' ? (inGroup[0]?.groupEn ?? group) : group;
  return listMessage(say('chooseCategory', language), language, title, rows, page, { id: 'back', title: say('back', language) });
}

const photoPrompt = (language: Language): OutgoingContent => ({ text: say('askPhoto', language), buttons: [{ id: 'skip', title: say('skipPhoto', language) }] });
const visibilityPrompt = (language: Language): OutgoingContent => ({
  text: say('askVisibility', language),
  buttons: [
    { id: 'public', title: say('public', language) },
    { id: 'private', title: say('private', language) },
  ],
});

/** What the conversation asks at a step (after a language switch, or an answer that did not fit). */
async function prompt(state: ConversationState, language: Language, ports: ConversationPorts): Promise<OutgoingContent> {
  switch (state.step) {
    case 'idle':
    case 'menu':
      return greeting(language);
    case 'group':
      return groupList(await ports.categories(), language, state.page ?? 0);
    case 'category':
      return categoryList(await ports.categories(), state.draft.group ?? '', language, state.page ?? 0);
    case 'description':
      return { text: say('askDescription', language) };
    case 'photo':
      return photoPrompt(language);
    case 'place':
      return { text: say('askPlace', language) };
    case 'visibility':
      return visibilityPrompt(language);
    case 'track':
      return { text: say('askNumber', language) };
    default:
      return state.step satisfies never;
  }
}

const recentFilings = (state: ConversationState, now: Date) => (state.filings ?? []).filter((at) => now.getTime() - Date.parse(at) < HOUR_MS);

/** One message from the resident: the next state and the replies. */
export async function converse(input: ConversationInput, ports: ConversationPorts): Promise<ConversationOutput> {
  let { state, language } = input;
  const { content, now } = input;
  const replies: OutgoingContent[] = [];
  const done = (next: ConversationState, extra: Partial<ConversationOutput> = {}): ConversationOutput => ({
    state: { ...next, filings: recentFilings(next, now) },
    language,
    replies: asOneMessage(replies),
    ...extra,
  });
  if (input.isExpired && state.step !== 'idle') {
    replies.push({ text: say('expired', language, { minutes: input.idleMinutes }) });
    state = { ...INITIAL_STATE, filings: state.filings };
  }
  const text = content.type === 'text' ? content.body : content.type === 'reply' ? content.id : null;
  const command = text !== null ? COMMANDS[normalized(text)] : undefined;
  const reset = { ...INITIAL_STATE, filings: state.filings };

  if (command === 'cancel') {
    replies.push({ text: say('cancelled', language) });
    return done(reset);
  }
  if (command === 'stop') {
    replies.push({ text: say('optedOut', language) });
    return done(reset, { optOut: 'out' });
  }
  if (command === 'start') {
    replies.push({ text: say('optedIn', language) }, greeting(language));
    return done({ ...reset, step: 'menu' }, { optOut: 'in' });
  }
  const switchTo = command === 'en' || text === 'lang:en' ? 'en' : command === 'id' || text === 'lang:id' ? 'id' : null;
  if (switchTo) {
    language = switchTo;
    replies.push({ text: say('languageSet', language) }, await prompt(state.step === 'idle' ? { ...state, step: 'menu' } : state, language, ports));
    return done(state.step === 'idle' ? { ...state, step: 'menu' } : state);
  }
  if (command === 'menu') {
    replies.push(greeting(language));
    return done({ ...reset, step: 'menu' });
  }
  if (content.type === 'unsupported') {
    replies.push({ text: say('unsupported', language) }, await prompt(state, language, ports));
    return done(state);
  }

  switch (state.step) {
    case 'idle': {
      // a greeting's button pressed again later, or a ticket number on its own, is answered at once
      if (text === 'lapor' || text === 'lacak') return converse({ ...input, state: { ...reset, step: 'menu' }, language, isExpired: false }, ports).then((o) => ({ ...o, replies: asOneMessage([...replies, ...o.replies]) }));
      if (content.type === 'text' && normalizeTicketNumber(content.body) !== null) {
        replies.push({ text: trackText(await ports.track(content.body, language), language) });
        return done({ ...reset, step: 'menu' });
      }
      if (content.type === 'text') language = detectLanguage(content.body) ?? language;
      replies.push(greeting(language));
      return done({ ...reset, step: 'menu' });
    }
    case 'menu': {
      if (text === 'lapor' || (text && /^(buat laporan|lapor|make a report|report|1)$/i.test(text.trim()))) {
        const limit = input.reportsPerHour;
        if (recentFilings(state, now).length >= limit) {
          replies.push({ text: say('tooManyReports', language, { limit }) });
          return done(reset);
        }
        replies.push(groupList(await ports.categories(), language, 0));
        return done({ ...state, step: 'group', page: 0, draft: {} });
      }
      if (text === 'lacak' || (text && /^(lacak tiket|lacak|track a ticket|track|2)$/i.test(text.trim()))) {
        replies.push({ text: say('askNumber', language) });
        return done({ ...state, step: 'track', draft: {} });
      }
      replies.push(greeting(language));
      return done(state);
    }
    case 'group': {
      const categories = await ports.categories();
      const groups = groupsOf(categories, 'id');
      if (text === 'other') {
        replies.push({ text: say('askDescription', language) });
        return done({ ...state, step: 'description', draft: { ...state.draft, categoryCode: null, isConfidential: false } });
      }
      const more = text ? /^more:(\d+)$/.exec(text) : null;
      if (more) {
        replies.push(groupList(categories, language, Number(more[1])));
        return done({ ...state, page: Number(more[1]) });
      }
      const picked = text ? /^grp:(\d+)$/.exec(text) : null;
      const group = picked ? groups[Number(picked[1])] : undefined;
      if (!group) {
        replies.push({ text: say('pickFromList', language) }, groupList(categories, language, state.page ?? 0));
        return done(state);
      }
      replies.push(categoryList(categories, group.id, language, 0));
      return done({ ...state, step: 'category', page: 0, draft: { ...state.draft, group: group.id } });
    }
    case 'category': {
      const categories = await ports.categories();
      if (text === 'back') {
        replies.push(groupList(categories, language, 0));
        return done({ ...state, step: 'group', page: 0 });
      }
      const more = text ? /^more:(\d+)$/.exec(text) : null;
      if (more) {
        replies.push(categoryList(categories, state.draft.group ?? '', language, Number(more[1])));
        return done({ ...state, page: Number(more[1]) });
      }
      const category = text?.startsWith('cat:') ? categories.find((c) => c.code === text.slice(4)) : undefined;
      if (!category) {
        replies.push({ text: say('pickFromList', language) }, categoryList(categories, state.draft.group ?? '', language, state.page ?? 0));
        return done(state);
      }
      replies.push({ text: say('askDescription', language) });
      return done({ ...state, step: 'description', draft: { ...state.draft, categoryCode: category.code, isConfidential: category.isConfidential } });
    }
    case 'description': {
      // a photo sent first is kept, its caption read as the account
      if (content.type === 'image') {
        const photo = await takePhoto(content.mediaId, language, ports, replies);
        const draft = photo ? { ...state.draft, mediaId: content.mediaId } : state.draft;
        const caption = content.caption?.trim() ?? '';
        if (caption.length >= MIN_DESCRIPTION) return afterDescription({ ...state, draft }, caption, language, replies);
        replies.push({ text: say('askDescription', language) });
        return done({ ...state, draft });
      }
      const body = content.type === 'text' ? content.body.trim() : '';
      if (body.length < MIN_DESCRIPTION) {
        replies.push({ text: say(body ? 'descriptionTooShort' : 'askDescription', language) });
        return done(state);
      }
      return afterDescription(state, body, language, replies);
    }
    case 'photo': {
      if (content.type === 'image') {
        if (!(await takePhoto(content.mediaId, language, ports, replies))) {
          replies.push(photoPrompt(language));
          return done(state);
        }
        replies.push({ text: say('askPlace', language) });
        return done({ ...state, step: 'place', draft: { ...state.draft, mediaId: content.mediaId } });
      }
      if (text === 'skip' || (text && /^(lewati|lewati foto|skip|skip photo|tidak|tidak ada|no)$/i.test(text.trim()))) {
        replies.push({ text: say('askPlace', language) });
        return done({ ...state, step: 'place', draft: { ...state.draft, mediaId: null } });
      }
      replies.push(photoPrompt(language));
      return done(state);
    }
    case 'place': {
      if (content.type === 'location') {
        if (!ports.isInJakarta(content.lat, content.lng)) {
          replies.push({ text: say('outsideJakarta', language) });
          return done(state);
        }
        const address = [content.name, content.address].filter(Boolean).join(', ') || null;
        return askVisibility({ ...state, draft: { ...state.draft, lat: content.lat, lng: content.lng, kelurahanCode: null, address } }, language, replies, ports, now);
      }
      const typed = content.type === 'text' ? content.body.trim() : '';
      if (typed.length < 3) {
        replies.push({ text: say('askPlace', language) });
        return done(state);
      }
      const place = await ports.findPlace(typed);
      replies.push({ text: place ? say('placeFound', language, { name: place.name }) : say('placeForTriage', language) });
      const draft = { ...state.draft, lat: null, lng: null, kelurahanCode: place?.kelurahanCode ?? null, address: typed.slice(0, 300) };
      return askVisibility({ ...state, draft }, language, replies, ports, now);
    }
    case 'visibility': {
      const choice = text === 'public' || (text && /^(publik|public|umum)$/i.test(text.trim())) ? true : text === 'private' || (text && /^(pribadi|private|rahasia)$/i.test(text.trim())) ? false : null;
      if (choice === null) {
        replies.push(visibilityPrompt(language));
        return done(state);
      }
      return file(state, choice, language, replies, ports, now, input.reportsPerHour);
    }
    case 'track': {
      const typed = content.type === 'text' ? content.body : (text ?? '');
      replies.push({ text: trackText(await ports.track(typed, language), language) });
      // the greeting's buttons stay usable: another ticket, or a report
      return done({ ...reset, step: 'menu' });
    }
    default:
      return state.step satisfies never;
  }

  function afterDescription(s: ConversationState, body: string, lang: Language, out: OutgoingContent[]): ConversationOutput {
    const draft = { ...s.draft, description: body.slice(0, DESCRIPTION_MAX) };
    if (draft.mediaId) {
      out.push({ text: say('askPlace', lang) });
      return done({ ...s, step: 'place', draft });
    }
    out.push(photoPrompt(lang));
    return done({ ...s, step: 'photo', draft });
  }

  async function askVisibility(s: ConversationState, lang: Language, out: OutgoingContent[], p: ConversationPorts, at: Date): Promise<ConversationOutput> {
    // a confidential category is never public: nothing to ask
    if (s.draft.isConfidential) return file(s, false, lang, out, p, at, input.reportsPerHour);
    out.push(visibilityPrompt(lang));
    return done({ ...s, step: 'visibility' });
  }

  async function file(s: ConversationState, isPublic: boolean, lang: Language, out: OutgoingContent[], p: ConversationPorts, at: Date, limit: number): Promise<ConversationOutput> {
    const filings = recentFilings(s, at);
    if (filings.length >= limit) {
      out.push({ text: say('tooManyReports', lang, { limit }) });
      return done({ ...INITIAL_STATE, filings });
    }
    const filed = await p.file(s.draft, isPublic);
    out.push({ text: say('filed', lang, filed) });
    return done({ ...INITIAL_STATE, filings: [...filings, at.toISOString()] });
  }
}

/**
 * The replies to one message as a single message: the outbox delivers its rows concurrently, so two
 * messages could arrive in either order. Texts are joined, ahead of the buttons or list if any. Pure.
 */
export function asOneMessage(replies: OutgoingContent[]): OutgoingContent[] {
  if (replies.length <= 1) return replies;
  const last = replies[replies.length - 1];
  const text = replies.map((r) => r.text).join('\n\n');
  return [{ ...last, text }];
}

async function takePhoto(mediaId: string, language: Language, ports: ConversationPorts, replies: OutgoingContent[]): Promise<boolean> {
  const check = await ports.checkPhoto(mediaId);
  if (check === 'ok') {
    replies.push({ text: say('photoReceived', language) });
    return true;
  }
  replies.push({ text: check === 'too_large' ? say('photoTooLarge', language) : check === 'unavailable' ? say('photoUnavailable', language) : photoRejectedText(check, language) });
  return false;
}

function trackText(answer: TrackAnswer, language: Language): string {
  switch (answer.kind) {
    case 'invalid':
      return say('invalidNumber', language);
    case 'confidential':
      return say('confidential', language);
    case 'not_found':
      return say('notFound', language, { number: answer.number });
    case 'ticket': {
      const head = say('tracked', language, { number: answer.number, status: answer.status });
      return answer.lastStep ? `${head}\n${say('lastStep', language, { date: answer.lastStep.at, step: answer.lastStep.text })}` : head;
    }
    default:
      return answer satisfies never;
  }
}

