'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { reportPageChanged } from '@/lib/cache/pages';
import { IntakeError } from '@/lib/intake/errors';
import { confirmSupport } from '@/lib/intake/support-report';
import { logUnexpected } from '@/lib/server/request';

/** Confirms a support: only from the confirmation page's button, never by opening the link. */
export async function confirmSupportAction(formData: FormData) {
  let outcome: string;
  try {
    const { number } = await confirmSupport(getDb(), String(formData.get('kunci') ?? '').slice(0, 100), new Date());
    reportPageChanged(number);
    outcome = `pesan=dihitung&nomor=${number}`;
  } catch (error) {
    outcome = `pesan=${error instanceof IntakeError ? error.code : `gangguan_${logUnexpected('konfirmasi dukungan', error)}`}`;
  }
  redirect(`/dukung/konfirmasi?${outcome}`);
}
