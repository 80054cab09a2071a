import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findFieldQueue } from '@/db/queries/staff-queue';
import { ReportMap } from '@/components/map/report-map';
import { FieldPosition } from '@/components/staff/field-position';
import { StatusBadge } from '@/components/reports/status-badge';
import { ROLE_PERMISSIONS } from '@/lib/auth/permissions';
import { requireStaff } from '@/lib/auth/session';
import { tileConfig } from '@/lib/config/map';
import { formatNumber, formatWib } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { requestTime } from '@/lib/sla/clock';
import { staffTicketAction } from '../laporan/[nomor]/actions';
import { StaffHeader } from '../staff-header';

export const metadata: Metadata = { title: 'Mode lapangan', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ lat?: string; lng?: string }> };

/** The official's position, as the phone gave it; anything else is no position. */
const position = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

const FIELD_LIMIT = 30;

/** The queue on a phone in the street: nearest tickets first, with the way there and "on my way". */
export default async function FieldPage({ searchParams }: Props) {
  const user = await requireStaff();
  const params = await searchParams;
  const parsed = position.safeParse(params);
  const near = parsed.success ? parsed.data : null;
  const db = getDb();
  const tickets = await findFieldQueue(db, user, { near, now: requestTime(), limit: FIELD_LIMIT });
  const t = await getTranslations('petugas.field');
  const locale = (await getLocale()) as Locale;
  // the button only for roles that answer citizens (the action checks it again, with the jurisdiction)
  const mayAnswer = ROLE_PERMISSIONS[user.role].includes('tanggapan');
  const distance = (m: number) =>
    m < 1000
      ? `${formatNumber(Math.round(m / 10) * 10, locale)} m`
      : `${formatNumber(Math.round(m / 100) / 10, locale)} km`;

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-gray-700">{t('intro')}</p>
      <FieldPosition
        hasPosition={near !== null}
        labels={{
          locate: t('locate'),
          relocate: t('relocate'),
          locating: t('locating'),
          denied: t('denied'),
          unavailable: t('unavailable'),
        }}
      />
      <p className="text-sm" data-testid="field-order">
        {near ? t('sortedByDistance') : t('sortedByDeadline')}
      </p>
      {tickets.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <section aria-label={t('map')} className="h-64 overflow-hidden rounded-lg border">
            <ReportMap
              {...tileConfig()}
              categoryNames={{}}
              points={tickets.map((k) => ({
                number: k.number,
                lat: k.lat,
                lng: k.lng,
                status: k.status,
                href: `/petugas/laporan/${k.number}`,
              }))}
              here={near}
            />
          </section>
          <ol className="space-y-3" data-testid="field-list">
            {tickets.map((k) => (
              <li
                key={k.number}
                className="space-y-2 rounded-lg border bg-white p-3"
                data-testid="field-ticket"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-semibold">{k.number}</span>
                  <StatusBadge status={k.status} locale={locale} />
                  {k.distanceM !== null ? (
                    <span className="text-sm font-semibold" data-testid="field-distance">
                      {t('distance', { distance: distance(k.distanceM) })}
                    </span>
                  ) : null}
                </div>
                <p className="text-sm">
                  {locale === 'en' ? k.categoryEn : k.category}
                  {k.kelurahan ? ` · ${k.kelurahan}` : ''}
                  {k.address ? ` · ${k.address}` : ''}
                </p>
                {k.isApproximate ? (
                  <p className="text-sm italic text-gray-700" data-testid="field-approximate">
                    {t('approximate')}
                  </p>
                ) : null}
                <p className="line-clamp-2 text-sm text-gray-800">{k.description}</p>
                <p
                  className={`text-sm ${k.isOverdue ? 'font-semibold text-red-800' : 'text-gray-700'}`}
                >
                  {k.isOverdue
                    ? t('overdue')
                    : k.dueAt
                      ? t('due', { date: formatWib(k.dueAt, locale) })
                      : null}
                </p>
                <div className="flex flex-wrap gap-2">
                  <a
                    href={`https://www.google.com/maps/dir/?api=1&destination=${k.lat},${k.lng}`}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="inline-flex min-h-11 items-center rounded border border-[#0f3d5e] px-3 font-semibold text-[#0f3d5e]"
                    data-testid="field-directions"
                  >
                    {t('directions')}
                  </a>
                  <Link
                    href={`/petugas/laporan/${k.number}`}
                    className="inline-flex min-h-11 items-center rounded border px-3 underline"
                  >
                    {t('open')}
                  </Link>
                  {mayAnswer ? (
                    <form action={staffTicketAction}>
                      <input type="hidden" name="nomor" value={k.number} />
                      <input type="hidden" name="versi" value={k.version} />
                      <input type="hidden" name="aksi" value="tanggapan" />
                      <input type="hidden" name="keterangan" value={t('onMyWayText')} />
                      <button
                        className="min-h-11 rounded bg-amber-400 px-3 font-semibold text-gray-900"
                        data-testid="field-on-my-way"
                      >
                        {t('onMyWay')}
                      </button>
                    </form>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
