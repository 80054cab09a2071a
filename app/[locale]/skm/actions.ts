'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { consumeRateLimit } from '@/lib/security/rate-limit';
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
    const limit = await consumeRateLimit(db, { action: 'skm', limit: 10, windowSeconds: 3600 }, address, now);
    if (!limit.allowed) redirect(back('terlalu_sering'));
    await submitResponse(
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
  } catch (error) {
    if (error instanceof SkmError) outcome = error.code;
    else if ((error as { digest?: string })?.digest?.startsWith('NEXT_REDIRECT')) throw error;
    else outcome = `gangguan_${logUnexpected('skm', error)}`;
  }
  redirect(back(outcome));
}
