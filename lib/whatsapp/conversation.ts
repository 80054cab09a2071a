import { DESCRIPTION_MAX } from '@/lib/intake/form-limits';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import type { ImageRejection } from '@/lib/media/process-image';
import type { OutgoingContent } from './graph';
import type { InboundContent } from './payload';
import { asOneMessage, categoryList, detectLanguage, greeting, groupList, groupsOf, photoPrompt, trackText, visibilityPrompt } from './menus';
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


async function takePhoto(mediaId: string, language: Language, ports: ConversationPorts, replies: OutgoingContent[]): Promise<boolean> {
  const check = await ports.checkPhoto(mediaId);
  if (check === 'ok') {
    replies.push({ text: say('photoReceived', language) });
    return true;
  }
  replies.push({ text: check === 'too_large' ? say('photoTooLarge', language) : check === 'unavailable' ? say('photoUnavailable', language) : photoRejectedText(check, language) });
  return false;
}


