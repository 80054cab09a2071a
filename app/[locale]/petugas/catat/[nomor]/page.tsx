import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findRecordedBy } from '@/db/queries/staff-ticket';
import { PrintButton } from '@/components/staff/print-button';
import { requireStaff } from '@/lib/auth/session';
import { formatWib } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { requestPublicUrl } from '@/lib/server/request';
import { StaffHeader } from '../../staff-header';

export const metadata: Metadata = { title: 'Tanda terima', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ nomor: string }>; searchParams: Promise<{ kunci?: string }> };

/** The printable receipt handed to the citizen after a complaint was recorded at a desk. */
export default async function ReceiptPage({ params, searchParams }: Props) {
  const user = await requireStaff();
  const { nomor } = await params;
  const { kunci } = await searchParams;
  const t = await getTranslations('petugas.desk');
  const locale = (await getLocale()) as Locale;
  // a desk may record a confidential complaint too: its receipt carries a JKR… number
  const ticket = normalizeTicketNumber(nomor) === nomor ? await findRecordedBy(getDb(), user.id, nomor) : null;
  const base = await requestPublicUrl();
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-4">
      <div className="print:hidden">
        <StaffHeader user={user} />
      </div>
      {ticket ? (
        <section className="space-y-3 rounded-lg border bg-white p-6" data-testid="receipt">
          <h1 className="text-xl font-bold">{t('receipt')}</h1>
          <p>{t('receiptIntro')}</p>
          <dl className="space-y-2">
            <div>
              <dt className="text-sm text-gray-700">{t('number')}</dt>
              <dd className="font-mono text-3xl font-bold" data-testid="receipt-number">
                {ticket.number}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-gray-700">{t('filedAt')}</dt>
              <dd>{formatWib(ticket.createdAt, locale)}</dd>
            </div>
            <div>
              <dt className="text-sm text-gray-700">{t('trackAt')}</dt>
              <dd className="break-all">{`${base}/lacak?nomor=${ticket.number}`}</dd>
            </div>
            {kunci && /^[A-Za-z0-9_-]{10,100}$/.test(kunci) ? (
              <div>
                <dt className="text-sm text-gray-700">{t('trackPrivate')}</dt>
                <dd className="break-all font-mono text-sm">{`${base}/lacak/${ticket.number}?kunci=${kunci}`}</dd>
              </div>
            ) : null}
          </dl>
          {ticket.kelurahanCode === null || ticket.categoryCode === UNCATEGORISED ? (
            <p className="text-sm" data-testid="receipt-triage">
              {t('triage')}
            </p>
          ) : null}
        </section>
      ) : (
        <p role="alert">—</p>
      )}
      <div className="flex gap-4 print:hidden">
        <PrintButton label={t('print')} />
        <Link href="/petugas/catat" className="underline">
          {t('another')}
        </Link>
      </div>
    </div>
  );
}
