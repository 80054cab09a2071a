-- databases seeded before this migration get the archive's further categories and the import channel
INSERT INTO "categories" ("code", "name_id", "name_en", "group_id", "group_en", "default_agency_code", "sort_order")
SELECT v.* FROM (VALUES
  ('fasos-fasum', 'Fasilitas Sosial/Fasilitas Umum (Fasos/Fasum)', 'Social and public facilities', 'Infrastruktur', 'Infrastructure', 'citata', 900),
  ('jembatan-jpo', 'Jembatan/JPO/Halte', 'Bridges, footbridges and bus stops', 'Infrastruktur', 'Infrastructure', 'bina-marga', 901),
  ('tutup-saluran', 'Tutup Saluran', 'Drain covers', 'Air dan Banjir', 'Water and flooding', 'sda', 902),
  ('pdam', 'PDAM/PAM', 'Piped water', 'Air dan Banjir', 'Water and flooding', 'pam-jaya', 903),
  ('transportasi-publik', 'Transportasi Publik', 'Public transport', 'Lalu Lintas', 'Traffic', 'perhubungan', 904),
  ('perlengkapan-lalu-lintas', 'Perlengkapan Lalu Lintas', 'Traffic signs and signals', 'Lalu Lintas', 'Traffic', 'perhubungan', 905),
  ('kebakaran', 'Penanganan Kebakaran', 'Fire response', 'Ketertiban Umum', 'Public order', 'gulkarmat', 906),
  ('tata-ruang', 'Tata Ruang dan Bangunan', 'Spatial planning and buildings', 'Bangunan dan Perizinan', 'Buildings and permits', 'citata', 907),
  ('pertanahan', 'Pertanahan', 'Land affairs', 'Bangunan dan Perizinan', 'Buildings and permits', 'citata', 908),
  ('rusun', 'Rusun/Hunian Vertikal', 'Public housing blocks', 'Bangunan dan Perizinan', 'Buildings and permits', null, 909),
  ('tpu', 'TPU (Tempat Pemakaman Umum)', 'Public cemeteries', 'Lingkungan', 'Environment', 'pertamanan', 910),
  ('bansos', 'Bantuan Sosial', 'Social assistance', 'Sosial', 'Social', 'sosial', 911),
  ('rptra', 'RPTRA', 'Child-friendly public spaces (RPTRA)', 'Sosial', 'Social', null, 912),
  ('konflik-sosial', 'Konflik Sosial', 'Social conflict', 'Sosial', 'Social', null, 913),
  ('pbb', 'Pajak Bumi dan Bangunan (PBB)/BPHTB', 'Property tax', 'Pelayanan', 'Services', null, 914),
  ('kepegawaian', 'Hubungan Kepegawaian', 'Civil-service staffing', 'Pelayanan', 'Services', null, 915),
  ('pendidikan', 'Guru/Pendidik dan Tenaga Kependidikan', 'Teachers and school staff', 'Pelayanan', 'Services', null, 916),
  ('batas-wilayah', 'Batas Wilayah', 'Administrative boundaries', 'Pelayanan', 'Services', null, 917),
  ('kerjasama', 'Fasilitasi Kerjasama/Kolaborasi Pemda DKI', 'Partnerships with the city government', 'Pelayanan', 'Services', null, 918)
) AS v(code, name_id, name_en, group_id, group_en, default_agency_code, sort_order)
WHERE EXISTS (SELECT 1 FROM "regions") ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "channels" ("code", "name_id", "name_en", "is_geotagged", "is_official", "sort_order")
SELECT 'impor', 'Arsip (impor data lama)', 'Archive (imported records)', false, false, 99
WHERE EXISTS (SELECT 1 FROM "regions") ON CONFLICT ("code") DO NOTHING;
