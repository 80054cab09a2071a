import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPublicRating, getPublicReport, getPublicTimeline } from '@/db/queries/public-reports';
import { StatusBadge } from '@/components/reports/status-badge';
import { formatDuration, formatWib } from '@/lib/format';
import { shortRegionName } from '@/lib/regions/names';
import { isOpen } from '@/lib/reports/lifecycle';
import { requestTime, slaClock, type SlaState } from '@/lib/sla/clock';
import { EVENT_LABEL } from '@/lib/reports/status';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

const SLA_TEXT: Record<SlaState, string> = {
  tepat_waktu: 'masih dalam batas waktu',
  terlambat: 'melewati batas waktu',
  selesai_tepat: 'selesai tepat waktu',
  selesai_terlambat: 'selesai melewati batas waktu',
  ditutup: 'laporan ditutup',
};

type Props = { params: Promise<{ nomor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { nomor } = await params;
  return { title: `Laporan ${decodeURIComponent(nomor).toUpperCase()}` };
}

export default async function ReportPage({ params }: Props) {
  const { nomor } = await params;
  const number = normalizeTicketNumber(decodeURIComponent(nomor));
  if (!number) notFound();
  if (number !== nomor) redirect(`/laporan/${number}`);
  const db = getDb();
  const report = await getPublicReport(db, number);
  if (!report) notFound();
  const [timeline, rating] = await Promise.all([getPublicTimeline(db, number), getPublicRating(db, number)]);
  const clock = slaClock(report, requestTime());
  const open = isOpen(report.status);

  return (
    <article className="mx-auto max-w-3xl px-4 py-6 space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-gray-600">
          <Link href="/" className="underline">
            Peta
          </Link>{' '}
          / Laporan
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold">{report.number}</h1>
          <StatusBadge status={report.status} />
        </div>
        <p className="text-lg">{report.categoryName}</p>
      </header>

      <section aria-label="Isi laporan" className="rounded-lg border bg-white p-4 space-y-3">
        {report.description ? (
          <p className="whitespace-pre-line">{report.description}</p>
        ) : (
          <p className="text-gray-700 italic">
            Laporan ini privat: isi dan foto hanya dapat dilihat petugas. Yang ditampilkan hanya kategori dan perkiraan
            lokasi.
          </p>
        )}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-gray-600">Lokasi</dt>
            <dd>
              {[report.kelurahanName && `Kel. ${report.kelurahanName}`, report.kecamatanName && `Kec. ${report.kecamatanName}`, report.kotaName && shortRegionName(report.kotaName)]
                .filter(Boolean)
                .join(', ') || 'Belum ditentukan'}
            </dd>
          </div>
          <div>
            <dt className="text-gray-600">Ditangani oleh</dt>
            <dd>{report.handlingAgencyName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-gray-600">Dilaporkan</dt>
            <dd>{formatWib(report.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-gray-600">{open ? 'Sudah menunggu' : 'Lama penanganan'}</dt>
            <dd className={clock.state.endsWith('terlambat') ? 'font-semibold text-red-700' : ''} data-testid="sla-clock">
              {formatDuration(clock.elapsedMs)} — {SLA_TEXT[clock.state]}
            </dd>
          </div>
          {report.supportCount > 0 ? (
            <div>
              <dt className="text-gray-600">Dukungan warga</dt>
              <dd>{report.supportCount} orang</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {rating ? (
        <section aria-label="Penilaian pelapor" className="rounded-lg border bg-white p-4">
          <h2 className="font-semibold">Penilaian pelapor</h2>
          <p aria-label={`${rating.score} dari 5`}>
            <span aria-hidden className="text-amber-500">
              {'★'.repeat(rating.score)}
              <span className="text-gray-300">{'★'.repeat(5 - rating.score)}</span>
            </span>{' '}
            {rating.score}/5
          </p>
          {rating.comment ? <p className="text-sm text-gray-700">“{rating.comment}”</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="riwayat" className="space-y-3">
        <h2 id="riwayat" className="text-lg font-semibold">
          Riwayat penanganan
        </h2>
        <ol className="relative border-l-2 border-slate-300 pl-5 space-y-4" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={i}>
              <p className="text-sm font-semibold">{EVENT_LABEL[e.type]?.id ?? e.type}</p>
              <p className="text-xs text-gray-600">
                {formatWib(e.createdAt)}
                {e.actor ? ` · ${e.actor}` : ''}
              </p>
              {e.body ? <p className="text-sm text-gray-800">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
