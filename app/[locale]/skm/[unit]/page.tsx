import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import QRCode from 'qrcode';
import { getDb } from '@/db/client';
import { PrintButton } from '@/components/staff/print-button';
import { formatDecimal, formatNumber, decodeParam } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { requestPublicUrl } from '@/lib/server/request';
import { SKM_ELEMENTS } from '@/lib/skm/ikm';
import { periodLabel } from '@/lib/skm/period-label';
import { PROFILE_FIELDS, profileOptionLabel } from '@/lib/skm/profile';
import { findUnit, openPeriodFor, SKM_MESSAGE, unitResults } from '@/lib/skm/survey';
import { answerSurvey } from '../actions';

type Props = {
  params: Promise<{ locale: Locale; unit: string }>;
  searchParams: Promise<{ pesan?: string; nomor?: string; kunci?: string }>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { unit } = await params;
  const found = await findUnit(getDb(), decodeParam(unit).slice(0, 80));
  return { title: found ? `SKM ${found.name}` : 'SKM' };
}

/** A unit's survey: the form while a period is open, its results per period, and a QR code for its desk. */
export default async function SkmUnitPage({ params, searchParams }: Props) {
  const { locale, unit: code } = await params;
  setRequestLocale(locale);
  const { pesan, nomor, kunci } = await searchParams;
  const db = getDb();
  const unit = await findUnit(db, decodeParam(code).slice(0, 80));
  if (!unit) notFound();
  const t = await getTranslations('skm');
  const [period, results] = await Promise.all([openPeriodFor(db, unit.id, new Date()), unitResults(db, unit.id)]);
  // printed on a QR code at the unit's desk: the address people reach the portal by
  const address = `${await requestPublicUrl()}/skm/${unit.code}`;
  const qr = await QRCode.toString(address, { type: 'svg', margin: 1, width: 200 });
  const n = (v: number) => formatNumber(v, locale);
  const message =
    pesan === 'ok'
      ? t('messages.ok')
      : pesan && pesan in SKM_MESSAGE
        ? SKM_MESSAGE[pesan as keyof typeof SKM_MESSAGE][locale]
        : pesan === 'terlalu_sering'
          ? t('messages.terlalu_sering')
          : pesan
            ? t('messages.gangguan')
            : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{unit.name}</h1>
      {message ? (
        <p role="status" className="rounded border bg-white p-3" data-testid="skm-message">
          {message}
        </p>
      ) : null}
      {period && pesan !== 'ok' ? (
        <form action={answerSurvey} className="space-y-3 rounded-lg border bg-white p-4 print:hidden" data-testid="skm-form">
          <input type="hidden" name="unit" value={unit.code} />
          {nomor && kunci ? (
            <>
              <input type="hidden" name="nomor" value={nomor} />
              <input type="hidden" name="kunci" value={kunci} />
              <p className="text-sm">{t('fromTicket', { number: nomor })}</p>
            </>
          ) : null}
          <h2 className="text-lg font-semibold">{t('formTitle', { unit: unit.name })}</h2>
          <p className="text-sm text-gray-700">{t('formIntro', { period: periodLabel(period, locale) })}</p>
          {SKM_ELEMENTS.map((e, i) => (
            <fieldset key={e} className="space-y-1">
              <legend className="text-sm font-medium">
                {i + 1}. {t(`elements.${e}`)}
              </legend>
              <div className="flex flex-wrap gap-4 text-sm">
                {[1, 2, 3, 4].map((v) => (
                  <label key={v} className="inline-flex items-center gap-1">
                    <input type="radio" name={e} value={v} required /> {t(`scale.${v}` as 'scale.1')}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="text-sm font-medium">{t('profile')}</legend>
            {PROFILE_FIELDS.map(({ name, label, options }) => (
              <label key={name} className="space-y-1 text-sm">
                <span className="block">{t(label)}</span>
                <select name={name} defaultValue="" className="w-full rounded border border-gray-500 px-2 py-1">
                  <option value="">—</option>
                  {options.map((o) => (
                    <option key={o[0]} value={o[0]}>
                      {profileOptionLabel(o, locale)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('submit')}</button>
        </form>
      ) : !period ? (
        <p>{t('closed')}</p>
      ) : null}

      <section aria-labelledby="tren" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="tren" className="text-lg font-semibold">
          {t('trend')}
        </h2>
        <table className="min-w-full text-sm" data-testid="skm-trend">
          <thead>
            <tr className="border-b text-left">
              <th className="px-2 py-1">{t('period')}</th>
              <th className="px-2 py-1 text-right">{t('respondents')}</th>
              <th className="px-2 py-1 text-right">{t('ikm')}</th>
              <th className="px-2 py-1">{t('grade')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.periodId} className="border-b last:border-0">
                <td className="px-2 py-1">{periodLabel({ name: r.periodName, startsOn: r.startsOn, endsOn: r.endsOn }, locale)}</td>
                <td className="px-2 py-1 text-right" data-testid="skm-respondents">
                  {n(r.respondents)}
                </td>
                <td className="px-2 py-1 text-right">{r.ikm === null ? '—' : formatDecimal(r.ikm, 2, locale)}</td>
                <td className="px-2 py-1">{r.grade ?? t('tooFew', { min: r.minRespondents })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {results.length ? (
        <section aria-labelledby="unsur" className="space-y-2 rounded-lg border bg-white p-3">
          <h2 id="unsur" className="text-lg font-semibold">
            {t('elementsTitle', { period: periodLabel({ name: results.at(-1)!.periodName, startsOn: results.at(-1)!.startsOn, endsOn: results.at(-1)!.endsOn }, locale) })}
          </h2>
          <table className="min-w-full text-sm" data-testid="skm-elements">
            <tbody>
              {SKM_ELEMENTS.map((e, i) => (
                <tr key={e} className="border-b last:border-0">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {i + 1}. {t(`elements.${e}`)}
                  </th>
                  <td className="px-2 py-1 text-right">
                    {results[results.length - 1].enough ? formatDecimal(results[results.length - 1].elementMeans[i], 2, locale) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="qr" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="qr" className="text-lg font-semibold">
          {t('qr')}
        </h2>
        {/* our own SVG, generated from this page's address */}
        <div className="w-48" role="img" aria-label={address} dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="break-all text-sm">{address}</p>
        <div className="print:hidden">
          <PrintButton label={t('print')} />
        </div>
      </section>
    </div>
  );
}
