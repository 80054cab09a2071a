'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import {
  addHoliday,
  categorySchema,
  channelTextSchema,
  policySchema,
  removeHoliday,
  renameAgency,
  SettingsError,
  updateCategory,
  updateChannelText,
  updateDefaultPolicy,
} from '@/lib/admin/settings';
import { currentStaff } from '@/lib/auth/session';
import { agencyKind, type AgencyKind } from '@/db/schema';
import { logUnexpected } from '@/lib/server/request';
import { openPeriod, SkmError } from '@/lib/skm/survey';
import { issueApiKey, revokeApiKey } from '@/lib/open311/keys';
import { forgetTableNames } from '@/lib/stats/server';
import { everyReportChanged } from '@/lib/cache/pages';

const BACK = '/petugas/atur';

/** Runs one change (authorization is checked inside it) and returns to the settings with its outcome. */
async function run(anchor: string, work: (actor: NonNullable<Awaited<ReturnType<typeof currentStaff>>>) => Promise<unknown>) {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  let outcome = 'ok';
  try {
    await work(actor);
  } catch (error) {
    outcome =
      error instanceof SettingsError || error instanceof SkmError ? error.code : `gangguan_${logUnexpected('settings', error)}`;
  }
  forgetTableNames();
  revalidatePath(BACK);
  redirect(`${BACK}?pesan=${outcome}#${anchor}`);
}

const text = (f: FormData, key: string) => String(f.get(key) ?? '');
const policyFrom = (f: FormData) =>
  policySchema.safeParse({
    firstResponseHours: text(f, 'firstResponseHours'),
    followUpHours: text(f, 'followUpHours'),
    silenceRedHours: text(f, 'silenceRedHours'),
    escalationStepHours: text(f, 'escalationStepHours'),
    calendar: text(f, 'calendar'),
  });

export async function savePolicyAction(f: FormData) {
  await run('sla', async (actor) => {
    const parsed = policyFrom(f);
    if (!parsed.success) throw new SettingsError('jam_tidak_valid');
    await updateDefaultPolicy(getDb(), actor, parsed.data, new Date());
  });
}

export async function saveCategoryAction(f: FormData) {
  await run('kategori', async (actor) => {
    let policy = null;
    if (f.get('ownPolicy') === 'on') {
      const parsed = policyFrom(f);
      if (!parsed.success) throw new SettingsError('jam_tidak_valid');
      policy = parsed.data;
    }
    const parsed = categorySchema.safeParse({
      nameId: text(f, 'nameId'),
      nameEn: text(f, 'nameEn'),
      defaultAgencyCode: text(f, 'defaultAgencyCode'),
      isConfidential: f.get('isConfidential') === 'on',
      policy,
    });
    if (!parsed.success) throw new SettingsError('tidak_valid');
    await updateCategory(getDb(), actor, text(f, 'code'), parsed.data, new Date());
    // a category made confidential takes its reports off every public page at once (the database
    // hides them; the cached pages, the map and the figures must follow)
    if (parsed.data.isConfidential) await everyReportChanged();
  });
}

export async function renameAgencyAction(f: FormData) {
  await run('instansi', (actor) => renameAgency(getDb(), actor, Number(f.get('id')), text(f, 'name'), new Date()));
}

export async function addHolidayAction(f: FormData) {
  await run('libur', (actor) => addHoliday(getDb(), actor, text(f, 'day'), text(f, 'name'), new Date()));
}

export async function removeHolidayAction(f: FormData) {
  await run('libur', (actor) => removeHoliday(getDb(), actor, text(f, 'day'), new Date()));
}

export async function saveChannelAction(f: FormData) {
  await run('kanal', async (actor) => {
    const parsed = channelTextSchema.safeParse({ howId: text(f, 'howId'), howEn: text(f, 'howEn'), hoursId: text(f, 'hoursId'), hoursEn: text(f, 'hoursEn') });
    if (!parsed.success) throw new SettingsError('tidak_valid');
    await updateChannelText(getDb(), actor, text(f, 'code'), parsed.data, new Date());
  });
}

export async function openSkmPeriodAction(f: FormData) {
  await run('skm', async (actor) => {
    const kinds = f.getAll('jenis').map(String).filter((k): k is AgencyKind => (agencyKind.enumValues as readonly string[]).includes(k));
    await openPeriod(
      getDb(),
      actor,
      { name: text(f, 'name'), startsOn: text(f, 'startsOn'), endsOn: text(f, 'endsOn'), minRespondents: Number(text(f, 'min')) || 0, unitKinds: kinds },
      new Date(),
    );
  });
}

export type IssueKeyState = { key?: string; owner?: string; error?: string } | null;

/** Issues an Open311 API key; the key is shown once, in the page, never in a URL. */
export async function issueKeyAction(_prev: IssueKeyState, f: FormData): Promise<IssueKeyState> {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  try {
    const owner = text(f, 'owner');
    const key = await issueApiKey(getDb(), actor, owner, new Date());
    revalidatePath(BACK);
    return { key, owner };
  } catch (error) {
    return { error: error instanceof SettingsError ? error.code : `gangguan_${logUnexpected('kunci api', error)}` };
  }
}

export async function revokeKeyAction(f: FormData) {
  await run('kunci-api', (actor) => revokeApiKey(getDb(), actor, Number(f.get('id')), new Date()));
}
