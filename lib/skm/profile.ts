import type { Locale } from '@/lib/i18n';

/**
 * The respondent profile of the SKM form (PermenPANRB 14/2017). The stored value is the
 * Indonesian option, whichever language the form was shown in, so that results stay comparable.
 */
export const PROFILE_FIELDS = [
  { name: 'umur', label: 'age', options: [['< 20'], ['20–29'], ['30–39'], ['40–49'], ['50–59'], ['≥ 60']] },
  { name: 'kelamin', label: 'sex', options: [['Laki-laki', 'Male'], ['Perempuan', 'Female']] },
  {
    name: 'pendidikan',
    label: 'education',
    options: [['SD', 'Primary school'], ['SMP', 'Junior high school'], ['SMA/SMK', 'Senior or vocational high school'], ['D1–D3', 'Diploma (D1–D3)'], ['S1/D4', "Bachelor's (S1/D4)"], ['S2/S3', "Master's or doctorate"]],
  },
  {
    name: 'pekerjaan',
    label: 'occupation',
    options: [['PNS/ASN', 'Civil servant'], ['TNI/Polri', 'Military or police'], ['Swasta', 'Private sector'], ['Wirausaha', 'Self-employed'], ['Pelajar/Mahasiswa', 'Student'], ['Lainnya', 'Other']],
  },
] as const satisfies readonly { name: string; label: string; options: readonly (readonly [string, string?])[] }[];

/** An option's label in the reader's language (its stored value in Indonesian). */
export function profileOptionLabel(option: readonly [string, string?], locale: Locale): string {
  return locale === 'en' ? (option[1] ?? option[0]) : option[0];
}
