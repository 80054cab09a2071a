'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { citizenLimits, runLimited, visitorChecks } from '@/lib/intake/submission-limit';
import { browserToken } from '@/lib/server/browser-token';
import { clientAddress, logUnexpected } from '@/lib/server/request';
import { SKM_ELEMENTS } from '@/lib/skm/ikm';
import { senderKeyOf, SkmError, submitResponse } from '@/lib/skm/survey';

const text = (f: FormData, key: string) => {
  const v = String(f.get(key) ?? '').trim().slice(0, 60);
  return v === '' ? null : v;
};

/** A resident's survey answers for one unit (from its public page, or a finished ticket's link). */
export async function answerSurvey(formData: FormData) {
  const unit = String(formData.get('unit') ?? '').slice(0, 80);
  const nomor = text(formData, 'nomor');
  const kunci = text(formData, 'kunci');
  const back = (message: string) => `/skm/${encodeURIComponent(unit)}?pesan=${message}${nomor && kunci ? `&nomor=${nomor}&kunci=${kunci}` : ''}`;
  const db = getDb();
  const now = new Date();
  let outcome = 'ok';
  try {
    const address = await clientAddress();
    // per browser, under a per-address ceiling: a carrier's shared address is many residents
    const limits = citizenLimits();
    const checks = visitorChecks('skm', limits, { browser: await browserToken(), address });
    const answer = () =>
      submitResponse(
        db,
        {
          unitCode: unit,
          answers: SKM_ELEMENTS.map((e) => Number(formData.get(e) ?? 0)),
          ageGroup: text(formData, 'umur'),
          sex: text(formData, 'kelamin'),
          education: text(formData, 'pendidikan'),
          occupation: text(formData, 'pekerjaan'),
          senderKey: senderKeyOf(address),
          ticket: nomor && kunci ? { number: nomor, key: kunci } : null,
        },
        now,
      );
    const limited = await runLimited(db, checks, limits.windowSeconds, now, answer, () => true);
    if (limited.refused) outcome = 'terlalu_sering';
  } catch (error) {
    if (error instanceof SkmError) outcome = error.code;
    else if ((error as { digest?: string })?.digest?.startsWith('NEXT_REDIRECT')) throw error;
    else outcome = `gangguan_${logUnexpected('skm', error)}`;
  }
  redirect(back(outcome));
}
