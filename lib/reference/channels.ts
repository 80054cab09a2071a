/** The official complaint channels (SPEC §1) plus the portal's own web form and Open311. */
export interface ChannelDef {
  code: string;
  nameId: string;
  nameEn: string;
  isGeotagged: boolean;
  isOfficial: boolean;
  /** Share of demo reports, in per mille. */
  demoWeight: number;
  /** How a resident uses it, and when (empty = any time); admins may change both. */
  howId?: string;
  howEn?: string;
  hoursId?: string;
  hoursEn?: string;
}

export const CHANNELS: ChannelDef[] = [
  { code: 'jaki', nameId: 'Aplikasi JAKI', nameEn: 'JAKI app', isGeotagged: true, isOfficial: true, demoWeight: 910, howId: 'Unduh aplikasi JAKI (Android/iOS) dan pilih menu lapor: foto dan titik lokasi terlampir otomatis.', howEn: 'Install the JAKI app (Android/iOS) and open its report menu: photo and location are attached.', hoursId: '24 jam', hoursEn: 'Any time' },
  { code: 'pendopo', nameId: 'Pendopo Balai Kota', nameEn: 'City Hall walk-in desk', isGeotagged: false, isOfficial: true, demoWeight: 6, howId: 'Datang ke Pendopo Balai Kota, Jl. Medan Merdeka Selatan 8–9, Jakarta Pusat; petugas mencatat dan memberi nomor tiket.', howEn: 'Walk in at the Balai Kota pendopo, Jl. Medan Merdeka Selatan 8–9, Central Jakarta; staff record it and give you a ticket number.', hoursId: 'Senin–Jumat 07.30–09.30 WIB', hoursEn: 'Mon–Fri 07:30–09:30 WIB' },
  { code: 'twitter', nameId: 'Twitter/X @DKIJakarta', nameEn: 'Twitter/X @DKIJakarta', isGeotagged: false, isOfficial: true, demoWeight: 14, howId: 'Sebut atau kirim pesan ke @DKIJakarta di X (Twitter); operator mencatatnya.', howEn: 'Mention or message @DKIJakarta on X (Twitter); an operator records it.', hoursId: '24 jam (dicatat pada jam kerja)', hoursEn: 'Any time (recorded in office hours)' },
  { code: 'facebook', nameId: 'Facebook Pemprov DKI', nameEn: 'Facebook (Provincial Government)', isGeotagged: false, isOfficial: true, demoWeight: 5, howId: 'Kirim pesan ke halaman Facebook Pemprov DKI Jakarta.', howEn: 'Message the Jakarta Provincial Government\'s Facebook page.', hoursId: '24 jam (dicatat pada jam kerja)', hoursEn: 'Any time (recorded in office hours)' },
  { code: 'instagram', nameId: 'Instagram @dkijakarta', nameEn: 'Instagram @dkijakarta', isGeotagged: false, isOfficial: true, demoWeight: 9, howId: 'Sebut atau kirim pesan ke @dkijakarta di Instagram.', howEn: 'Mention or message @dkijakarta on Instagram.', hoursId: '24 jam (dicatat pada jam kerja)', hoursEn: 'Any time (recorded in office hours)' },
  { code: 'email', nameId: 'Surel (e-mail)', nameEn: 'E-mail', isGeotagged: false, isOfficial: true, demoWeight: 6, howId: 'Kirim surel ke alamat pengaduan resmi Pemprov DKI Jakarta; lampirkan foto bila ada.', howEn: 'E-mail the provincial government\'s official complaint address; attach photos if you have them.', hoursId: '24 jam', hoursEn: 'Any time' },
  { code: 'medsos-gubernur', nameId: 'Media sosial Gubernur', nameEn: "Governor's social media", isGeotagged: false, isOfficial: true, demoWeight: 5, howId: 'Sebut akun media sosial resmi Gubernur DKI Jakarta.', howEn: 'Mention the Governor\'s official social-media accounts.', hoursId: '24 jam (dicatat pada jam kerja)', hoursEn: 'Any time (recorded in office hours)' },
  { code: 'sms', nameId: 'SMS', nameEn: 'SMS', isGeotagged: false, isOfficial: true, demoWeight: 6, howId: 'Kirim SMS ke nomor pengaduan resmi Pemprov DKI Jakarta.', howEn: 'Text the provincial government\'s official complaint number.', hoursId: '24 jam', hoursEn: 'Any time' },
  { code: 'inspektorat', nameId: 'Kantor Inspektorat', nameEn: 'Inspectorate office', isGeotagged: false, isOfficial: true, demoWeight: 2, howId: 'Datang ke Kantor Inspektorat Provinsi DKI Jakarta untuk pengaduan penyalahgunaan wewenang atau pungli; identitas pelapor dirahasiakan.', howEn: 'Visit the Inspectorate\'s office to report abuse of authority or extortion; your identity is kept confidential.', hoursId: 'Senin–Jumat 08.00–16.00 WIB', hoursEn: 'Mon–Fri 08:00–16:00 WIB' },
  { code: 'kantor-walikota', nameId: 'Kantor Walikota', nameEn: "Mayor's office", isGeotagged: false, isOfficial: true, demoWeight: 4, howId: 'Datang ke kantor walikota (bupati untuk Kepulauan Seribu) di wilayah Anda.', howEn: 'Walk in at your city\'s mayor\'s office (the regent\'s in Kepulauan Seribu).', hoursId: 'Senin–Jumat 08.00–16.00 WIB', hoursEn: 'Mon–Fri 08:00–16:00 WIB' },
  { code: 'kantor-camat', nameId: 'Kantor Kecamatan', nameEn: 'District office', isGeotagged: false, isOfficial: true, demoWeight: 5, howId: 'Datang ke kantor kecamatan; lokasi disurvei keesokan harinya lalu ditangani atau diteruskan.', howEn: 'Walk in at the district office; the place is surveyed the next day, then handled or forwarded.', hoursId: 'Sabtu 08.00–11.00 WIB', hoursEn: 'Sat 08:00–11:00 WIB' },
  { code: 'kantor-lurah', nameId: 'Kantor Kelurahan', nameEn: 'Village office', isGeotagged: false, isOfficial: true, demoWeight: 6, howId: 'Datang ke kantor kelurahan.', howEn: 'Walk in at the village office.', hoursId: 'Minggu 09.00–11.00 WIB', hoursEn: 'Sun 09:00–11:00 WIB' },
  { code: 'media-massa', nameId: 'Aspirasi publik media massa', nameEn: 'Mass-media public aspirations', isGeotagged: false, isOfficial: true, demoWeight: 3, howId: 'Aspirasi warga yang dimuat media massa dicatat oleh operator.', howEn: 'Residents\' concerns published in the mass media are recorded by operators.', hoursId: '', hoursEn: '' },
  { code: 'lapor', nameId: 'LAPOR! 1708', nameEn: 'LAPOR! 1708 (national)', isGeotagged: false, isOfficial: true, demoWeight: 9, howId: 'Laporkan lewat LAPOR! (lapor.go.id) atau SMS 1708; laporan untuk Jakarta diteruskan ke sini.', howEn: 'Report through LAPOR! (lapor.go.id) or SMS 1708; reports about Jakarta are forwarded here.', hoursId: '24 jam', hoursEn: 'Any time' },
  { code: 'web', nameId: 'Situs Aduan', nameEn: 'Aduan website', isGeotagged: true, isOfficial: false, demoWeight: 0, howId: 'Isi formulir di situs ini (Buat laporan): foto dan titik di peta.', howEn: 'Use the form on this site (Make a report): photo and a point on the map.', hoursId: '24 jam', hoursEn: 'Any time' },
  { code: 'open311', nameId: 'Open311 API', nameEn: 'Open311 API', isGeotagged: true, isOfficial: false, demoWeight: 0 },
  { code: 'impor', nameId: 'Arsip (impor data lama)', nameEn: 'Archive (imported records)', isGeotagged: false, isOfficial: false, demoWeight: 0 },
];
