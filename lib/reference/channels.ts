/** The official complaint channels (SPEC §1) plus the portal's own web form and Open311. */
export interface ChannelDef {
  code: string;
  nameId: string;
  nameEn: string;
  isGeotagged: boolean;
  isOfficial: boolean;
  /** Share of demo reports, in per mille. */
  demoWeight: number;
}

export const CHANNELS: ChannelDef[] = [
  { code: 'jaki', nameId: 'Aplikasi JAKI', nameEn: 'JAKI app', isGeotagged: true, isOfficial: true, demoWeight: 910 },
  { code: 'pendopo', nameId: 'Pendopo Balai Kota', nameEn: 'City Hall walk-in desk', isGeotagged: false, isOfficial: true, demoWeight: 6 },
  { code: 'twitter', nameId: 'Twitter/X @DKIJakarta', nameEn: 'Twitter/X @DKIJakarta', isGeotagged: false, isOfficial: true, demoWeight: 14 },
  { code: 'facebook', nameId: 'Facebook Pemprov DKI', nameEn: 'Facebook (Provincial Government)', isGeotagged: false, isOfficial: true, demoWeight: 5 },
  { code: 'instagram', nameId: 'Instagram @dkijakarta', nameEn: 'Instagram @dkijakarta', isGeotagged: false, isOfficial: true, demoWeight: 9 },
  { code: 'email', nameId: 'Surel (e-mail)', nameEn: 'E-mail', isGeotagged: false, isOfficial: true, demoWeight: 6 },
  { code: 'medsos-gubernur', nameId: 'Media sosial Gubernur', nameEn: "Governor's social media", isGeotagged: false, isOfficial: true, demoWeight: 5 },
  { code: 'sms', nameId: 'SMS', nameEn: 'SMS', isGeotagged: false, isOfficial: true, demoWeight: 6 },
  { code: 'inspektorat', nameId: 'Kantor Inspektorat', nameEn: 'Inspectorate office', isGeotagged: false, isOfficial: true, demoWeight: 2 },
  { code: 'kantor-walikota', nameId: 'Kantor Walikota', nameEn: "Mayor's office", isGeotagged: false, isOfficial: true, demoWeight: 4 },
  { code: 'kantor-camat', nameId: 'Kantor Kecamatan', nameEn: 'District office', isGeotagged: false, isOfficial: true, demoWeight: 5 },
  { code: 'kantor-lurah', nameId: 'Kantor Kelurahan', nameEn: 'Village office', isGeotagged: false, isOfficial: true, demoWeight: 6 },
  { code: 'media-massa', nameId: 'Aspirasi publik media massa', nameEn: 'Mass-media public aspirations', isGeotagged: false, isOfficial: true, demoWeight: 3 },
  { code: 'lapor', nameId: 'LAPOR! 1708', nameEn: 'LAPOR! 1708 (national)', isGeotagged: false, isOfficial: true, demoWeight: 9 },
  { code: 'web', nameId: 'Situs Aduan', nameEn: 'Aduan website', isGeotagged: true, isOfficial: false, demoWeight: 0 },
  { code: 'open311', nameId: 'Open311 API', nameEn: 'Open311 API', isGeotagged: true, isOfficial: false, demoWeight: 0 },
  { code: 'impor', nameId: 'Arsip (impor data lama)', nameEn: 'Archive (imported records)', isGeotagged: false, isOfficial: false, demoWeight: 0 },
];
