import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { didOwnActionFrom } from '@/db/queries/own-action';
import { currentStaff } from '@/lib/auth/session';
import { ACTION_BODY_LIMIT_MB } from '@/lib/intake/form-limits';
import { IMAGE_REJECTION_MESSAGE, type ImageRejection } from '@/lib/media/process-image';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { isSameOrigin } from '@/lib/security/same-origin';
import { readFormWithin } from '@/lib/server/limited-form';
import { STAFF_MESSAGE, type StaffErrorCode } from '@/lib/staff/errors';
import { runTicketAction } from '@/lib/staff/ticket-form';

type Message = { id: string; en: string };

const OWN: Record<string, Message> = {
  belum_masuk: { id: 'Sesi berakhir. Masuk lagi, lalu kirim ulang.', en: 'The session ended. Sign in again, then resend.' },
  petugas_berbeda: { id: 'Tindak lanjut ini disimpan oleh akun lain; tidak dikirim dengan akun Anda.', en: 'This follow-up was kept by another account; it is not sent under yours.' },
  asal_lain: { id: 'Permintaan dari situs lain ditolak.', en: 'A request from another site is refused.' },
  terlalu_besar: { id: `Kiriman lebih dari ${ACTION_BODY_LIMIT_MB} MB ditolak.`, en: `A submission over ${ACTION_BODY_LIMIT_MB} MB is refused.` },
  input_tidak_valid: { id: 'Isian tidak valid.', en: 'Invalid input.' },
};

const STATUS: Partial<Record<string, number>> = { belum_masuk: 401, petugas_berbeda: 403, asal_lain: 403, terlalu_besar: 413, tidak_ditemukan: 404, tidak_berwenang: 403, versi_berubah: 409 };

function refuse(code: string) {
  const message = OWN[code] ?? STAFF_MESSAGE[code as StaffErrorCode] ?? IMAGE_REJECTION_MESSAGE[code.replace(/^foto_/, '') as ImageRejection] ?? null;
  const status = code.startsWith('gangguan_') ? 500 : (STATUS[code] ?? 422);
  return NextResponse.json({ ok: false, code: code.startsWith('gangguan_') ? 'gangguan' : code, message }, { status });
}

/**
 * POST /api/petugas/tindak-lanjut — a field crew's follow-up (the ticket page's form: nomor,
 * versi, keterangan, foto with their capture fields, and `petugas`, the official it was written
 * by) sent from the offline queue. The same path as the form's server action (runTicketAction);
 * only follow-ups, only from this site, only for the official who wrote it. A resend whose first
 * send arrived answers as arrived; a change by someone else answers 409 versi_berubah.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return refuse('asal_lain');
  const user = await currentStaff();
  if (!user) return refuse('belum_masuk');
  let form: FormData | null;
  try {
    form = await readFormWithin(request, ACTION_BODY_LIMIT_MB * 1024 * 1024);
  } catch {
    return refuse('input_tidak_valid');
  }
  if (!form) return refuse('terlalu_besar');
  if (String(form.get('petugas')) !== String(user.id)) return refuse('petugas_berbeda');
  if (form.get('aksi') !== 'tindak_lanjut') return refuse('input_tidak_valid');
  const outcome = await runTicketAction(user, form);
  if (outcome.startsWith('ok_')) return NextResponse.json({ ok: true });
  const number = normalizeTicketNumber(String(form.get('nomor') ?? ''));
  const version = Number(form.get('versi'));
  if (outcome === 'versi_berubah' && number && Number.isInteger(version) && (await didOwnActionFrom(getDb(), { userId: user.id, number, action: 'tindak_lanjut', version }))) {
    return NextResponse.json({ ok: true, isRepeat: true });
  }
  return refuse(outcome);
}
