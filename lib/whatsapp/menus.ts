import type { OutgoingContent } from './graph';
import type { CategoryOption, TrackAnswer } from './conversation';
import { say, type Language } from './texts';

/** The messages the WhatsApp conversation composes: greeting, lists, prompts, answers. Pure. */

const PAGE = 8;

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

export function greeting(language: Language): OutgoingContent {
  return {
    text: say('greeting', language),
    buttons: [
      { id: 'lapor', title: say('makeReport', language) },
      { id: 'lacak', title: say('trackTicket', language) },
      { id: language === 'en' ? 'lang:id' : 'lang:en', title: say('otherLanguage', language) },
    ],
  };
}

export function groupsOf(categories: CategoryOption[], language: Language): { id: string; name: string }[] {
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

export function groupList(categories: CategoryOption[], language: Language, page: number): OutgoingContent {
  const rows = groupsOf(categories, language).map((g, i) => ({ id: `grp:${i}`, title: g.name }));
  return listMessage(say('chooseGroup', language), language, say('listButton', language), rows, page, {
    id: 'other',
    title: say('other', language),
    description: say('otherDescription', language),
  });
}

export function categoryList(categories: CategoryOption[], group: string, language: Language, page: number): OutgoingContent {
  const inGroup = categories.filter((c) => c.groupId === group);
  const rows = inGroup.map((c) => ({ id: `cat:${c.code}`, title: language === 'en' ? c.nameEn : c.nameId }));
  const title = language === 'en' ? (inGroup[0]?.groupEn ?? group) : group;
  return listMessage(say('chooseCategory', language), language, title, rows, page, { id: 'back', title: say('back', language) });
}

export const photoPrompt = (language: Language): OutgoingContent => ({ text: say('askPhoto', language), buttons: [{ id: 'skip', title: say('skipPhoto', language) }] });
export const visibilityPrompt = (language: Language): OutgoingContent => ({
  text: say('askVisibility', language),
  buttons: [
    { id: 'public', title: say('public', language) },
    { id: 'private', title: say('private', language) },
  ],
});

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

export function trackText(answer: TrackAnswer, language: Language): string {
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
