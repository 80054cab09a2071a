import type { Metadata } from 'next';
import Link from 'next/link';
import { asc, desc, eq, inArray, like, or } from 'drizzle-orm';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCategories, listChannels } from '@/db/queries/reference';
import { agencies, auditLog, holidays, slaPolicies, users } from '@/db/schema';
import { SETTINGS_MESSAGE } from '@/lib/admin/settings';
import { requireStaff } from '@/lib/auth/session';
import { formatWib } from '@/lib/format';
import { DEFAULT_SLA_POLICY, SLA_CALENDARS, type SlaPolicy } from '@/lib/sla/policy';
import { StaffHeader } from '../staff-header';
import {
  addHolidayAction,
  openSkmPeriodAction,
  revokeKeyAction,
  removeHolidayAction,
  renameAgencyAction,
  saveCategoryAction,
  saveChannelAction,
  savePolicyAction,
} from './actions';
import { quarterOf, SKM_MESSAGE } from '@/lib/skm/survey';
import { listApiKeys } from '@/lib/open311/keys';
import { IssueKeyForm } from '@/components/staff/issue-key-form';
import { readMfaPolicy } from '@/lib/auth/mfa';
import { saveMfaSettingAction } from '../keamanan/actions';

export const metadata: Metadata = { title: 'Pengaturan', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

const field = 'rounded border border-gray-500 px-2 py-1 text-sm';
const button = 'rounded bg-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-white';
const HOUR_FIELDS = ['firstResponseHours', 'followUpHours', 'silenceRedHours', 'escalationStepHours'] as const;

async function PolicyFields({ value, idPrefix }: { value: SlaPolicy; idPrefix: string }) {
  const t = await getTranslations('petugas.settings');
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-5">
      {HOUR_FIELDS.map((key) => (
        <label key={key} className="space-y-1 text-sm" htmlFor={`${idPrefix}-${key}`}>
          <span className="block">{t(key)}</span>
          <input id={`${idPrefix}-${key}`} name={key} type="number" min={1} max={8760} required defaultValue={value[key]} className={`${field} w-full`} />
        </label>
      ))}
      <label className="space-y-1 text-sm" htmlFor={`${idPrefix}-calendar`}>
        <span className="block">{t('calendar')}</span>
        <select id={`${idPrefix}-calendar`} name="calendar" defaultValue={value.calendar} className={`${field} w-full`}>
          {SLA_CALENDARS.map((c) => (
            <option key={c} value={c}>
              {t(`calendars.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Admins set the SLA policy, categories and their routing, agency names and holidays; every change is audited. */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ pesan?: string }> }) {
  const user = await requireStaff();
  const { pesan } = await searchParams;
  const t = await getTranslations('petugas.settings');
  const tLabels = await getTranslations('petugas.labels');
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
  const [policies, categoryRows, agencyRows, holidayRows, changes, channelRows, keys] = await Promise.all([
    db.select().from(slaPolicies),
    listCategories(db),
    db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind })
      .from(agencies)
      .where(inArray(agencies.kind, ['dinas', 'sudin', 'bumd', 'eksternal', 'inspektorat', 'balaikota', 'biro', 'walikota']))
      .orderBy(asc(agencies.kind), asc(agencies.name)),
    db.select().from(holidays).orderBy(desc(holidays.day)),
    db
      .select({ at: auditLog.createdAt, action: auditLog.action, target: auditLog.targetId, who: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(or(like(auditLog.action, 'sla.%'), like(auditLog.action, 'kategori.%'), like(auditLog.action, 'instansi.%'), like(auditLog.action, 'libur.%'), like(auditLog.action, 'kanal.%'), like(auditLog.action, 'skm.%'), like(auditLog.action, 'kunci_api.%'), like(auditLog.action, 'pengaturan.%')))
      .orderBy(desc(auditLog.id))
      .limit(20),
    listChannels(db),
    listApiKeys(db),
  ]);
  const cityPolicy = policies.find((p) => p.categoryCode === null) ?? DEFAULT_SLA_POLICY;
  const own = new Map(policies.filter((p) => p.categoryCode !== null).map((p) => [p.categoryCode!, p]));
  const handling = agencyRows.filter((a) => ['dinas', 'biro', 'bumd', 'eksternal', 'inspektorat'].includes(a.kind));
  const message = pesan
    ? pesan === 'ok'
      ? t('saved')
      : (SETTINGS_MESSAGE[pesan]?.[locale] ?? SKM_MESSAGE[pesan as keyof typeof SKM_MESSAGE]?.[locale] ?? t('failed'))
    : null;
  const quarter = quarterOf(new Date());
  const mfaPolicy = await readMfaPolicy(db);
  const tMfa = await getTranslations('petugas.mfa');

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm">
        <Link href="/petugas/atur/label" className="underline" data-testid="labels-link">
          {tLabels('link')}
        </Link>
      </p>
      {message ? (
        <p role="status" data-testid="settings-message" className="rounded border bg-white p-3">
          {message}
        </p>
      ) : null}

      <section id="keamanan" aria-labelledby="judul-keamanan" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-keamanan" className="text-lg font-semibold">
          {tMfa('setting')}
        </h2>
        <p className="text-sm text-gray-700">{tMfa('settingIntro')}</p>
        {mfaPolicy.isDemo ? <p className="text-sm text-gray-700">{tMfa('settingDemo')}</p> : null}
        <form action={saveMfaSettingAction} className="flex flex-wrap items-center gap-3" data-testid="mfa-setting">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="allRoles" defaultChecked={mfaPolicy.allRoles} /> {tMfa('settingAll')}
          </label>
          <button className={button}>{tMfa('save')}</button>
        </form>
      </section>

      <section id="sla" aria-labelledby="judul-sla" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-sla" className="text-lg font-semibold">
          {t('sla')}
        </h2>
        <p className="text-sm text-gray-700">{t('slaIntro')}</p>
        <form action={savePolicyAction} className="space-y-2" data-testid="city-policy">
          <PolicyFields value={cityPolicy} idPrefix="kota" />
          <button className={button}>{t('save')}</button>
        </form>
      </section>

      <section id="kategori" aria-labelledby="judul-kategori" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-kategori" className="text-lg font-semibold">
          {t('categories')}
        </h2>
        <p className="text-sm text-gray-700">{t('categoriesIntro')}</p>
        <ul className="divide-y">
          {categoryRows.map((c) => {
            const policy = own.get(c.code);
            return (
              <li key={c.code} className="py-1">
                <details>
                  <summary className="cursor-pointer text-sm">
                    <strong>{locale === 'en' ? c.nameEn : c.nameId}</strong> · {handling.find((a) => a.code === c.defaultAgencyCode)?.name ?? t('noAgency')}
                    {c.isConfidential ? ` · ${t('confidential')}` : ''} · {policy ? `${policy.firstResponseHours} / ${policy.followUpHours} h` : t('followsDefault')}
                  </summary>
                  <form action={saveCategoryAction} className="mt-2 space-y-2 rounded border p-2" data-testid={`category-${c.code}`}>
                    <input type="hidden" name="code" value={c.code} />
                    <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                      <label className="space-y-1 text-sm">
                        <span className="block">{t('nameId')}</span>
                        <input name="nameId" required defaultValue={c.nameId} className={`${field} w-full`} />
                      </label>
                      <label className="space-y-1 text-sm">
                        <span className="block">{t('nameEn')}</span>
                        <input name="nameEn" required defaultValue={c.nameEn} className={`${field} w-full`} />
                      </label>
                      <label className="space-y-1 text-sm">
                        <span className="block">{t('defaultAgency')}</span>
                        <select name="defaultAgencyCode" defaultValue={c.defaultAgencyCode ?? ''} className={`${field} w-full`}>
                          <option value="">{t('noAgency')}</option>
                          {handling.map((a) => (
                            <option key={a.code} value={a.code}>
                              {a.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    </div>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="isConfidential" defaultChecked={c.isConfidential} /> {t('confidential')}
                    </label>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="ownPolicy" defaultChecked={Boolean(policy)} /> {t('ownPolicy')}
                    </label>
                    <PolicyFields value={policy ?? cityPolicy} idPrefix={c.code} />
                    <button className={button}>{t('save')}</button>
                  </form>
                </details>
              </li>
            );
          })}
        </ul>
      </section>

      <section id="libur" aria-labelledby="judul-libur" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-libur" className="text-lg font-semibold">
          {t('holidays')}
        </h2>
        <p className="text-sm text-gray-700">{t('holidaysIntro')}</p>
        <form action={addHolidayAction} className="flex flex-wrap items-end gap-2" data-testid="add-holiday">
          <label className="space-y-1 text-sm">
            <span className="block">{t('day')}</span>
            <input type="date" name="day" required className={field} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t('holidayName')}</span>
            <input name="name" required minLength={3} className={field} />
          </label>
          <button className={button}>{t('add')}</button>
        </form>
        <ul className="max-h-72 divide-y overflow-y-auto text-sm" data-testid="holidays">
          {holidayRows.map((h) => (
            <li key={h.day} className="flex items-center justify-between gap-2 py-1">
              <span>
                <span className="font-mono">{h.day}</span> · {h.name}
              </span>
              <form action={removeHolidayAction}>
                <input type="hidden" name="day" value={h.day} />
                <button className="underline" aria-label={`${t('remove')} ${h.day}`}>
                  {t('remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>

      <section id="skm" aria-labelledby="judul-skm" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-skm" className="text-lg font-semibold">
          {t('skm')}
        </h2>
        <p className="text-sm text-gray-700">{t('skmIntro')}</p>
        <form action={openSkmPeriodAction} className="grid gap-2 sm:grid-cols-4" data-testid="open-skm">
          <label className="space-y-1 text-sm">
            <span className="block">{t('skmName')}</span>
            <input name="name" required defaultValue={quarter.name} className={`${field} w-full`} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t('skmStart')}</span>
            <input type="date" name="startsOn" required defaultValue={quarter.startsOn} className={`${field} w-full`} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t('skmEnd')}</span>
            <input type="date" name="endsOn" required defaultValue={quarter.endsOn} className={`${field} w-full`} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t('skmMin')}</span>
            <input type="number" name="min" min={1} required defaultValue={30} className={`${field} w-full`} />
          </label>
          <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-4">
            <legend className="font-medium">{t('skmUnits')}</legend>
            {(['kelurahan', 'kecamatan', 'walikota', 'dinas', 'sudin', 'bumd'] as const).map((k) => (
              <label key={k} className="inline-flex items-center gap-1">
                <input type="checkbox" name="jenis" value={k} defaultChecked={k !== 'bumd'} /> {k}
              </label>
            ))}
          </fieldset>
          <button className={`${button} sm:w-fit`}>{t('skmOpen')}</button>
        </form>
      </section>

      <section id="kunci-api" aria-labelledby="judul-kunci" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-kunci" className="text-lg font-semibold">
          {t('keys')}
        </h2>
        <p className="text-sm text-gray-700">{t('keysIntro')}</p>
        <IssueKeyForm labels={{ owner: t('keyOwner'), issue: t('keyIssue'), shown: t('keyShown'), failed: t('failed') }} />
        <ul className="divide-y text-sm" data-testid="api-keys">
          {keys.map((k) => (
            <li key={k.id} className="flex items-center justify-between gap-2 py-1">
              <span>
                {k.owner} · <code>{k.prefix}…</code> · {formatWib(k.createdAt, locale)}
                {k.revokedAt ? ` · ${t('keyRevoked')}` : ''}
              </span>
              {k.revokedAt ? null : (
                <form action={revokeKeyAction}>
                  <input type="hidden" name="id" value={k.id} />
                  <button className="underline">{t('keyRevoke')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section id="kanal" aria-labelledby="judul-kanal" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-kanal" className="text-lg font-semibold">
          {t('channels')}
        </h2>
        <p className="text-sm text-gray-700">{t('channelsIntro')}</p>
        <ul className="divide-y">
          {channelRows.map((c) => (
            <li key={c.code} className="py-1">
              <details>
                <summary className="cursor-pointer text-sm">
                  <strong>{locale === 'en' ? c.nameEn : c.nameId}</strong> · {(locale === 'en' ? c.hoursEn : c.hoursId) || '—'}
                </summary>
                <form action={saveChannelAction} className="mt-2 grid grid-cols-1 gap-2 rounded border p-2 sm:grid-cols-2" data-testid={`channel-${c.code}`}>
                  <input type="hidden" name="code" value={c.code} />
                  {(['howId', 'howEn', 'hoursId', 'hoursEn'] as const).map((key) => (
                    <label key={key} className="space-y-1 text-sm">
                      <span className="block">{t(`channel.${key}`)}</span>
                      <input name={key} defaultValue={c[key]} maxLength={key.startsWith('how') ? 500 : 200} className={`${field} w-full`} />
                    </label>
                  ))}
                  <button className={`${button} sm:col-span-2 sm:w-fit`}>{t('save')}</button>
                </form>
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section id="instansi" aria-labelledby="judul-instansi" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-instansi" className="text-lg font-semibold">
          {t('agencies')}
        </h2>
        <p className="text-sm text-gray-700">{t('agenciesIntro')}</p>
        <details>
          <summary className="cursor-pointer text-sm">{t('agencies')} ({agencyRows.length})</summary>
          <ul className="divide-y text-sm">
            {agencyRows.map((a) => (
              <li key={a.id} className="py-1">
                <form action={renameAgencyAction} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="id" value={a.id} />
                  <span className="w-24 font-mono text-xs">{a.kind}</span>
                  <input name="name" required minLength={3} defaultValue={a.name} aria-label={`${t('rename')}: ${a.code}`} className={`${field} min-w-72 flex-1`} />
                  <button className="rounded border border-[#0f3d5e] px-3 py-1 text-sm">{t('rename')}</button>
                </form>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="judul-audit" className="space-y-2 rounded-lg border bg-white p-3">
        <h2 id="judul-audit" className="text-lg font-semibold">
          {t('audit')}
        </h2>
        {changes.length ? (
          <ul className="text-sm" data-testid="settings-audit">
            {changes.map((c, i) => (
              <li key={i}>
                {formatWib(c.at, locale)} · {c.who ?? '—'} · <span className="font-mono">{c.action}</span> {c.target}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t('auditEmpty')}</p>
        )}
      </section>
    </div>
  );
}
