import type { Metadata } from 'next';
import Link from 'next/link';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getStaffTicket } from '@/db/queries/staff-ticket';
import { agencies } from '@/db/schema';
import { StatusBadge } from '@/components/reports/status-badge';
import { ACTION_EVENT, canAct, STAFF_ACTIONS, type StaffAction } from '@/lib/auth/permissions';
import { requireStaff } from '@/lib/auth/session';
import { formatDuration, formatWib } from '@/lib/format';
import { eventLabel } from '@/lib/i18n';
import { nextStatus } from '@/lib/reports/lifecycle';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { requestTime, slaClock } from '@/lib/sla/clock';
import { STAFF_MESSAGE, type StaffErrorCode } from '@/lib/staff/errors';
import { StaffHeader } from '../../staff-header';
import { staffTicketAction } from './actions';

export const metadata: Metadata = { title: 'Ruang kerja laporan', robots: { index: false } };

type Props = { params: Promise<{ nomor: string }>; searchParams: Promise<{ pesan?: string }> };


const TITLE: Record<StaffAction, string> = {
  terima: 'Terima dan kerjakan',
  koordinasi: 'Koordinasikan ke instansi',
  disposisi: 'Disposisi ke suku dinas',
  alihkan: 'Alihkan ke kelurahan lain',
  estimasi: 'Tetapkan estimasi selesai',
  tanggapan: 'Tanggapan publik',
  catatan: 'Catatan internal',
  tindak_lanjut: 'Laporkan tindak lanjut (dengan foto sesudah)',
  validasi_terima: 'Validasi: terima tindak lanjut (Selesai)',
  validasi_tolak: 'Validasi: tolak tindak lanjut (TL ditolak)',
  tolak: 'Tolak laporan',
};

const field = 'w-full rounded border border-gray-500 px-3 py-2 text-sm';

export default async function StaffTicketPage({ params, searchParams }: Props) {
  const user = await requireStaff();
  const { nomor } = await params;
  const { pesan } = await searchParams;
  const number = normalizeTicketNumber(decodeURIComponent(nomor));
  const db = getDb();
  const ticket = number ? await getStaffTicket(db, user, number) : null;
  if (!ticket) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
        <StaffHeader user={user} />
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-800" data-testid="refused">
          Anda tidak berwenang membuka laporan ini, atau laporan tidak ada di wilayah kerja Anda.
          <span lang="en" className="block text-sm text-gray-700">You may not open this report, or it is outside your jurisdiction.</span>
        </p>
      </div>
    );
  }
  const { report, scope } = ticket;
  const allowed = STAFF_ACTIONS.filter((a) => canAct(user, a, scope) && nextStatus(report.status, ACTION_EVENT[a]) !== null);
  const targets = allowed.includes('koordinasi') || allowed.includes('disposisi')
    ? await db
        .select({ code: agencies.code, name: agencies.name, kind: agencies.kind, parentId: agencies.parentId })
        .from(agencies)
        .where(inArray(agencies.kind, ['dinas', 'bumd', 'sudin']))
        .orderBy(asc(agencies.name))
    : [];
  const sudins = targets.filter((a) => a.kind === 'sudin' && a.parentId === report.handlingAgencyId);
  const dinas = targets.filter((a) => a.kind !== 'sudin' && a.code !== ticket.holder.code);
  const kelurahanOptions = allowed.includes('alihkan')
    ? await db.select({ code: agencies.regionCode, name: agencies.name }).from(agencies).where(and(eq(agencies.kind, 'kelurahan'))).orderBy(asc(agencies.name))
    : [];
  const clock = slaClock(report, requestTime());
  const message = pesan?.startsWith('ok_')
    ? { ok: true, text: 'Tersimpan.' }
    : pesan
      ? { ok: false, text: STAFF_MESSAGE[pesan as StaffErrorCode]?.id ?? 'Permintaan tidak dapat diproses. Periksa isian Anda.' }
      : null;

  return (
    <div className="mx-auto max-w-5xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      {message ? (
        <p role="status" data-testid="action-message" className={`rounded border p-3 ${message.ok ? 'border-green-300 bg-green-50' : 'border-red-300 bg-red-50 text-red-800'}`}>
          {message.text}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-bold">{report.number}</h1>
        <StatusBadge status={report.status} locale="id" />
        <Link href={`/laporan/${report.number}`} className="text-sm underline">Halaman publik</Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <section className="space-y-3 rounded-lg border bg-white p-4 text-sm">
          <p className="text-base">{ticket.category} · Kel. {ticket.kelurahan ?? '—'}</p>
          <p className="whitespace-pre-line">{report.description}</p>
          {report.address ? <p>Alamat: {report.address}</p> : null}
          <p>Ditangani: <strong data-testid="holder">{ticket.holder.name ?? '—'}</strong></p>
          <p className={clock.state.endsWith('terlambat') ? 'font-semibold text-red-700' : ''}>
            {formatDuration(clock.elapsedMs)} sejak dilaporkan{clock.deadline ? ` · batas ${formatWib(clock.deadline)}` : ''}
          </p>
          <p>{report.isPublic ? 'Laporan publik' : 'Laporan privat'}{report.isConfidential ? ' · RAHASIA' : ''}</p>
          {ticket.reporter ? (
            <div className="rounded bg-amber-50 p-2" data-testid="reporter">
              Pelapor: {ticket.reporter.name ?? '(tanpa nama)'} · {ticket.reporter.phone ?? '—'} · {ticket.reporter.email ?? '—'}
            </div>
          ) : null}
          {ticket.photos.length ? (
            <ul className="grid grid-cols-3 gap-2">
              {ticket.photos.map((p) => (
                <li key={p.id}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails */}
                  <img src={`/api/petugas/foto/${p.id}?ukuran=kecil`} alt={`Foto ${p.kind}`} className="w-full rounded border" />
                  <span className="text-xs">{p.kind}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <h2 className="pt-2 font-semibold">Riwayat</h2>
          <ol className="space-y-2 border-l-2 pl-4">
            {ticket.events.map((e, i) => (
              <li key={i} className={e.isPublic ? '' : 'bg-slate-50'}>
                <p className="font-semibold">{eventLabel(e.type, 'id')}{e.isPublic ? '' : ' (internal)'}</p>
                <p className="text-xs text-gray-700">{formatWib(e.createdAt)} · {e.userName ?? e.agencyName ?? (e.actorLabel === 'warga' ? 'Pelapor' : 'Sistem')}</p>
                {e.body ? <p>{e.body}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="space-y-3" aria-label="Tindakan">
          {allowed.length === 0 ? <p className="text-sm">Tidak ada tindakan untuk peran Anda pada status ini.</p> : null}
          {allowed.map((action) => (
            <form key={action} action={staffTicketAction} className="space-y-2 rounded-lg border bg-white p-3 text-sm" data-testid={`action-${action}`}>
              <input type="hidden" name="nomor" value={report.number} />
              <input type="hidden" name="versi" value={report.version} />
              <input type="hidden" name="aksi" value={action} />
              <h2 className="font-semibold">{TITLE[action]}</h2>
              {action === 'koordinasi' ? (
                <select name="instansi" required aria-label="Instansi tujuan" className={field}>
                  {dinas.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
                </select>
              ) : null}
              {action === 'disposisi' ? (
                <select name="instansi" required aria-label="Suku dinas tujuan" className={field}>
                  {sudins.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
                </select>
              ) : null}
              {action === 'alihkan' ? (
                <select name="kelurahan" required aria-label="Kelurahan tujuan" className={field}>
                  {kelurahanOptions.map((k) => <option key={k.code} value={k.code ?? ''}>{k.name}</option>)}
                </select>
              ) : null}
              {action === 'estimasi' ? <input type="date" name="estimasi" required aria-label="Tanggal estimasi" className={field} /> : null}
              {action === 'tolak' ? (
                <>
                  <select name="alasan" aria-label="Alasan penolakan" className={field}>
                    <option value="tidak_valid">Tidak valid / spam</option>
                    <option value="bukan_kewenangan">Bukan kewenangan</option>
                    <option value="duplikat">Duplikat</option>
                  </select>
                  <input name="asli" placeholder="Nomor laporan asli (untuk duplikat)" aria-label="Nomor laporan asli" className={field} />
                </>
              ) : null}
              {action === 'tindak_lanjut' ? (
                <input type="file" name="foto" accept="image/jpeg,image/png,image/webp" multiple required aria-label="Foto sesudah" className="block w-full" />
              ) : null}
              {['tanggapan', 'catatan', 'validasi_tolak', 'tolak', 'estimasi', 'tindak_lanjut', 'koordinasi', 'disposisi'].includes(action) ? (
                <textarea name="keterangan" rows={2} aria-label={`Keterangan: ${TITLE[action]}`} placeholder="Keterangan" className={field} />
              ) : null}
              <button className="rounded bg-[#0f3d5e] px-3 py-1.5 font-semibold text-white">{TITLE[action].split(' (')[0]}</button>
            </form>
          ))}
        </section>
      </div>
    </div>
  );
}
