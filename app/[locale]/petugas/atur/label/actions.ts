'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/session';
import { everyReportChanged } from '@/lib/cache/pages';
import { LabelMappingError, mapArchiveLabel } from '@/lib/import/label-mapping';
import { logUnexpected } from '@/lib/server/request';
import { forgetTableNames } from '@/lib/stats/server';

const BACK = '/petugas/atur/label';

/** Maps one archive label (admin only, checked inside) and returns to the list with the outcome. */
export async function mapLabelAction(f: FormData) {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  let outcome = 'ok';
  let moved = 0;
  let kept = 0;
  try {
    ({ moved, kept } = await mapArchiveLabel(
      getDb(),
      actor,
      { kind: String(f.get('kind') ?? '') as 'kategori', key: String(f.get('key') ?? ''), target: String(f.get('target') ?? '') },
      new Date(),
    ));
  } catch (error) {
    outcome = error instanceof LabelMappingError ? error.code : `gangguan_${logUnexpected('label arsip', error)}`;
  }
  // moved reports change public pages, the map and the figures (a category may be confidential)
  if (moved > 0) await everyReportChanged();
  forgetTableNames();
  revalidatePath(BACK);
  redirect(`${BACK}?pesan=${outcome}&pindah=${moved}&tetap=${kept}`);
}
