import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { findQueue } from '@/db/queries/staff-queue';
import { StatusBadge } from '@/components/reports/status-badge';
import { requireStaff } from '@/lib/auth/session';
import { formatDuration, formatWib } from '@/lib/format';
import { STATUSES } from '@/lib/reports/lifecycle';
import { STATUS_STYLE } from '@/lib/reports/status';
import { pageSchema } from '@/lib/reports/filters';
import { requestTime, slaClock } from '@/lib/sla/clock';
import type { ReportStatus } from '@/db/schema';
import { StaffHeader } from './staff-header';

export const metadata: Metadata = { title: 'Antrean petugas', robots: { index: false } };

type Props = { searchParams: Promise<{ status?: string; q?: string; halaman?: string }> };

export default async function QueuePage({ searchParams }: Props) {
  const user = await requireStaff();
  const params = await searchParams;
  const status = (STATUSES as readonly string[]).includes(params.status ?? '')
    ? (params.status as ReportStatus)
    : user.role === 'validator'
      ? 'menunggu_validasi'
      : null;
  const q = params.q?.slice(0, 100) ?? null;
  const page = pageSchema.parse(params.halaman ?? 1);
  const now = requestTime();
  const { rows, counts } = await findQueue(getDb(), user, { status, search: q, page, pageSize: 50, now });
  const link = (s: ReportStatus | null) => `/petugas?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(q ? { q } : {}) })}`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">Antrean laporan</h1>
      <nav aria-label="Status" className="flex flex-wrap gap-2 text-sm" data-testid="queue-counts">
        <Link href={link(null)} className={`rounded border px-2 py-1 ${status === null ? 'bg-slate-200' : 'bg-white'}`}>Semua</Link>
        {STATUSES.map((s) => (
          <Link key={s} href={link(s)} className={`rounded border px-2 py-1 ${status === s ? 'bg-slate-200' : 'bg-white'}`}>
            {STATUS_STYLE[s].id} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <form className="flex gap-2" action="/petugas">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label className="sr-only" htmlFor="q">Cari nomor atau isi</label>
        <input id="q" name="q" defaultValue={q ?? ''} placeholder="Cari nomor tiket atau isi laporan" className="flex-1 rounded border border-gray-500 px-3 py-2" />
        <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">Cari</button>
      </form>
      {rows.length === 0 ? (
        <p>Tidak ada laporan di antrean ini.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left text-sm" data-testid="queue">
            <thead className="bg-slate-50">
              <tr>
                <th className="px-3 py-2">Nomor</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">Kategori</th>
                <th className="px-3 py-2">Kelurahan</th>
                <th className="px-3 py-2">Ditangani</th>
                <th className="px-3 py-2">Waktu</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const clock = slaClock(r, now);
                return (
                  <tr key={r.number} className="border-t">
                    <td className="px-3 py-2 font-mono"><Link href={`/petugas/laporan/${r.number}`} className="underline">{r.number}</Link></td>
                    <td className="px-3 py-2"><StatusBadge status={r.status} locale="id" /></td>
                    <td className="px-3 py-2">{r.category}</td>
                    <td className="px-3 py-2">{r.kelurahan ?? '—'}</td>
                    <td className="px-3 py-2">{r.holder ?? '—'}</td>
                    <td className={`px-3 py-2 ${r.isOverdue ? 'font-semibold text-red-700' : ''}`}>
                      {formatDuration(clock.elapsedMs)}{r.isOverdue ? ' · terlambat' : ''}
                      <span className="block text-xs text-gray-700">{formatWib(r.createdAt)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
