import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/reference/categories';
import { converse, INITIAL_STATE, type ConversationPorts, type ConversationState, type Draft } from './conversation';
import { asOneMessage, detectLanguage } from './menus';
import type { OutgoingContent } from './graph';
import type { InboundContent } from './payload';
import { isInServiceWindow } from './send';

const now = new Date('2026-03-10T03:00:00Z');
const categories = CATEGORIES.map((c) => ({ code: c.code, nameId: c.nameId, nameEn: c.nameEn, groupId: c.groupId, groupEn: c.groupEn, isConfidential: Boolean(c.isConfidential) }));
const filed: { draft: Draft; isPublic: boolean }[] = [];
const ports: ConversationPorts = {
  categories: async () => categories,
  checkPhoto: async (id) => (id === 'bagus' ? 'ok' : 'tipe_tidak_didukung'),
  isInJakarta: (lat) => lat < -6 && lat > -6.4,
  findPlace: async (text) => (/gambir/i.test(text) ? { kelurahanCode: '31.71.01.1001', name: 'Gambir' } : null),
  track: async () => ({ kind: 'invalid' }),
  file: async (draft, isPublic) => {
    filed.push({ draft, isPublic });
    return { number: 'JK2603100001', link: 'http://aduan.test/lacak/JK2603100001?kunci=k' };
  },
};

const text = (body: string): InboundContent => ({ type: 'text', body });
const reply = (id: string): InboundContent => ({ type: 'reply', id, title: id });
async function walk(steps: InboundContent[], state: ConversationState = INITIAL_STATE, language: 'id' | 'en' = 'id') {
  let out = { state, language, replies: [] as OutgoingContent[] };
  for (const content of steps) out = await converse({ state: out.state, language: out.language, content, now, isExpired: false, reportsPerHour: 2, idleMinutes: 30 }, ports);
  return out;
}
const rows = (m: OutgoingContent) => ('list' in m ? m.list.sections.flatMap((s) => s.rows) : []);

describe('the conversation', () => {
  it('pages every list within the Cloud API limits (10 rows, 24-character titles), "other" always offered', async () => {
    let out = await walk([text('halo'), reply('lapor')]);
    const seen = new Set<string>();
    for (let page = 0; page < 5; page++) {
      const list = rows(out.replies[0]);
      expect(list.length).toBeLessThanOrEqual(10);
      for (const r of list) expect(r.title.length).toBeLessThanOrEqual(24);
      expect(list.map((r) => r.id)).toContain('other');
      list.filter((r) => r.id.startsWith('grp:')).forEach((r) => seen.add(r.id));
      const more = list.find((r) => r.id.startsWith('more:'));
      if (!more) break;
      out = await walk([reply(more.id)], out.state);
    }
    expect(seen.size).toBe(new Set(categories.map((c) => c.groupId)).size);
  });

  it.each([
    ['an explicit "batal"', 'batal', /Dibatalkan/],
    ['"cancel" in English', 'cancel', /Dibatalkan/],
  ])('%s drops the report being filled in', async (_label, word, expected) => {
    const out = await walk([text('halo'), reply('lapor'), reply('other'), text(word)]);
    expect(out.state.step).toBe('idle');
    expect(out.replies[0].text).toMatch(expected);
  });

  it('a confidential category files privately without asking', async () => {
    const confidential = categories.find((c) => c.isConfidential)!;
    filed.length = 0;
    const group = [...new Set(categories.map((c) => c.groupId))].indexOf(confidential.groupId);
    let out = await walk([text('halo'), reply('lapor')]);
    // the group may be on a later page
    while (!rows(out.replies[0]).some((r) => r.id === `grp:${group}`)) out = await walk([reply(rows(out.replies[0]).find((r) => r.id.startsWith('more:'))!.id)], out.state);
    out = await walk([reply(`grp:${group}`)], out.state);
    while (!rows(out.replies[0]).some((r) => r.id === `cat:${confidential.code}`)) out = await walk([reply(rows(out.replies[0]).find((r) => r.id.startsWith('more:'))!.id)], out.state);
    out = await walk([reply(`cat:${confidential.code}`), text('Ada pungutan liar di loket pelayanan'), reply('skip'), text('Kelurahan Gambir')], out.state);
    expect(filed).toEqual([{ draft: expect.objectContaining({ categoryCode: confidential.code, kelurahanCode: '31.71.01.1001' }), isPublic: false }]);
    expect(out.replies[0].text).toMatch(/JK2603100001/);
  });

  it('a photo sent before the account is kept, its caption read as the account', async () => {
    const out = await walk([text('halo'), reply('lapor'), reply('other'), { type: 'image', mediaId: 'bagus', mimeType: 'image/jpeg', caption: 'Got mampet sejak kemarin sore' }]);
    expect(out.state).toMatchObject({ step: 'place', draft: { mediaId: 'bagus', description: 'Got mampet sejak kemarin sore' } });
  });

  it('refuses a point outside Jakarta and keeps asking', async () => {
    const out = await walk([text('halo'), reply('lapor'), reply('other'), text('Jalan rusak parah sekali'), reply('skip'), { type: 'location', lat: -7.8, lng: 110.4, name: null, address: null }]);
    expect(out.state.step).toBe('place');
    expect(out.replies[0].text).toMatch(/di luar DKI Jakarta/);
  });

  it('after a period of silence says so, then starts over', async () => {
    const half = await walk([text('halo'), reply('lapor')]);
    const out = await converse({ state: half.state, language: 'id', content: text('halo'), now, isExpired: true, reportsPerHour: 2, idleMinutes: 30 }, ports);
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0].text).toMatch(/tidak ada balasan selama 30 menit[\s\S]*Halo!/);
    expect(out.state.step).toBe('menu');
  });

  it('"berhenti" opts out of status messages and "mulai" back in', async () => {
    expect((await walk([text('BERHENTI')])).replies[0].text).toMatch(/MULAI/);
    const out = await converse({ state: INITIAL_STATE, language: 'id', content: text('berhenti'), now, isExpired: false, reportsPerHour: 2, idleMinutes: 30 }, ports);
    expect(out.optOut).toBe('out');
    expect((await converse({ state: INITIAL_STATE, language: 'id', content: text('Mulai'), now, isExpired: false, reportsPerHour: 2, idleMinutes: 30 }, ports)).optOut).toBe('in');
  });

  it('sends every reply to one message as one message, so they cannot arrive out of order', () => {
    expect(asOneMessage([{ text: 'a' }, { text: 'b', buttons: [{ id: 'x', title: 'X' }] }])).toEqual([{ text: 'a\n\nb', buttons: [{ id: 'x', title: 'X' }] }]);
  });
});

describe('the language of a first message', () => {
  it.each([
    ['Hello, I want to report a broken road', 'en'],
    ['Halo, saya mau lapor jalan rusak', 'id'],
    ['Selamat pagi', 'id'],
    ['👍', null],
  ] as const)('%s → %s', (message, expected) => {
    expect(detectLanguage(message)).toBe(expected);
  });
});

describe('the 24-hour customer service window', () => {
  it.each([
    ['never wrote', null, false],
    ['wrote an hour ago', new Date(now.getTime() - 3600_000), true],
    ['wrote 23 h 59 min ago', new Date(now.getTime() - 24 * 3600_000 + 60_000), true],
    ['wrote 24 h ago', new Date(now.getTime() - 24 * 3600_000), false],
  ] as const)('%s → free text %s', (_label, last, expected) => {
    expect(isInServiceWindow(last, now)).toBe(expected);
  });
});
