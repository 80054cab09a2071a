import type { Metadata } from 'next';
import Link from 'next/link';
import { asc, inArray } from 'drizzle-orm';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listUnmatchedLabels, type UnmatchedLabelRow } from '@/db/queries/archive-labels';
import { listCategories, listRegionOptions } from '@/db/queries/reference';
import { agencies, type ReferenceKind } from '@/db/schema';
import { requireStaff } from '@/lib/auth/session';
import { LABEL_MAPPING_MESSAGE } from '@/lib/import/label-mapping';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { OFFICE_TARGETS } from '@/lib/reference/match-agency';
import { StaffHeader } from '../../staff-header';
import { mapLabelAction } from './actions';

export const metadata: Metadata = { title: 'Label arsip', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

const field = 'rounded border border-gray-500 px-2 py-1 text-sm';
const button = 'rounded bg-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-white';
const KINDS: ReferenceKind[] = ['kategori', 'instansi', 'kelurahan'];

interface Option {
  value: string;
  label: string;
  group?: string;
}

/**
 * Admins map the labels an archive import did not recognise (with how many reports wait under
 * each) onto a category, an agency or a kelurahan, once; the held reports move at once.
 */
export default async function ArchiveLabelsPage({ searchParams }: { searchParams: Promise<{ pesan?: string; pindah?: string; tetap?: string }> }) {
  const user = await requireStaff();
  const { pesan, pindah, tetap } = await searchParams;
  const t = await getTranslations('petugas.labels');
  const locale = (await getLocale()) as 'id' | 'en';
  if (user.role !== 'admin') {
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <StaffHeader user={user} />
        <p role="alert" data-testid="refused">
          {t('onlyAdmin')}
        </p>
      </div>
    );
  }
  const db = getDb();
  const [labels, categoryRows, agencyRows, regionRows] = await Promise.all([
    listUnmatchedLabels(db, user),
    listCategories(db),
    db
      .select({ code: agencies.code, name: agencies.name, kind: agencies.kind })
      .from(agencies)
      .where(inArray(agencies.kind, ['dinas', 'biro', 'inspektorat', 'balaikota', 'bumd', 'eksternal']))
      .orderBy(asc(agencies.kind), asc(agencies.name)),
    listRegionOptions(db),
  ]);
  const kecamatan = new Map(regionRows.filter((r) => r.level === 'kecamatan').map((r) => [r.code, r.name]));
  const options: Record<ReferenceKind, Option[]> = {
    kategori: categoryRows.filter((c) => c.code !== UNCATEGORISED).map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameId, group: locale === 'en' ? c.groupEn : c.groupId })),
    instansi: [
      ...Object.keys(OFFICE_TARGETS).map((code) => ({ value: code, label: t(`office.${code.slice(1)}`), group: t('officeGroup') })),
      ...agencyRows.map((a) => ({ value: a.code, label: a.name, group: t(`agencyKinds.${a.kind}`) })),
    ],
    kelurahan: regionRows
      .filter((r) => r.level === 'kelurahan')
      .map((r) => ({ value: r.code, label: r.name, group: `Kecamatan ${kecamatan.get(r.parentCode ?? '') ?? r.parentCode}` }))
      .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label)),
  };
  const text = { blank: t('blank'), blankHint: t('blankHint'), target: t('target'), choose: t('choose'), map: t('map') };
  const message =
    pesan === 'ok'
      ? t('mapped', { moved: Number(pindah) || 0, kept: Number(tetap) || 0 })
      : pesan
        ? (LABEL_MAPPING_MESSAGE[pesan as keyof typeof LABEL_MAPPING_MESSAGE]?.[locale] ?? t('failed'))
        : null;

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-4">
      <StaffHeader user={user} />
      <p className="text-sm">
        <Link href="/petugas/atur" className="underline">
          {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="max-w-3xl text-sm text-gray-700">{t('intro')}</p>
      {message ? (
        <p role="status" data-testid="labels-message" className="rounded border bg-white p-3">
          {message}
        </p>
      ) : null}
      {labels.length === 0 ? <p data-testid="labels-empty">{t('empty')}</p> : null}
      {KINDS.map((kind) => {
        const rows = labels.filter((l) => l.kind === kind);
        if (rows.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`judul-${kind}`} className="space-y-2 rounded-lg border bg-white p-3" data-testid={`labels-${kind}`}>
            <h2 id={`judul-${kind}`} className="text-lg font-semibold">
              {t(`kinds.${kind}`)} ({rows.length})
            </h2>
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  <th className="py-1">{t('label')}</th>
                  <th className="py-1 text-right">{t('reports')}</th>
                  <th className="py-1 pl-4">{t('target')}</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {rows.map((row) => (
                  <LabelRow key={row.key} row={row} options={options[kind]} text={text} />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

function LabelRow({ row, options, text }: { row: UnmatchedLabelRow; options: Option[]; text: Record<'blank' | 'blankHint' | 'target' | 'choose' | 'map', string> }) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const id = `target-${row.kind}-${row.key.replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <tr data-testid="label-row">
      <td className="py-1 align-top">
        <code className="whitespace-pre-wrap">{row.label.trim() || text.blank}</code>
      </td>
      <td className="py-1 text-right align-top">{row.reports}</td>
      <td className="py-1 pl-4 align-top">
        {row.key === '' ? (
          <span className="text-gray-700">{text.blankHint}</span>
        ) : (
          <form action={mapLabelAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="kind" value={row.kind} />
            <input type="hidden" name="key" value={row.key} />
            <label htmlFor={id} className="sr-only">
              {text.target}: {row.label}
            </label>
            <select id={id} name="target" required defaultValue="" className={`${field} max-w-md`}>
              <option value="" disabled>
                {text.choose}
              </option>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {options
                    .filter((o) => (o.group ?? '') === g)
                    .map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <button className={button}>{text.map}</button>
          </form>
        )}
      </td>
    </tr>
  );
}
