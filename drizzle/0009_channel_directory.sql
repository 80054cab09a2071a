ALTER TABLE "channels" ADD COLUMN "how_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "how_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "hours_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "hours_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- how to use each channel and its hours (admins may change them later)
UPDATE "channels" SET "how_id" = 'Unduh aplikasi JAKI (Android/iOS) dan pilih menu lapor: foto dan titik lokasi terlampir otomatis.', "how_en" = 'Install the JAKI app (Android/iOS) and open its report menu: photo and location are attached.', "hours_id" = '24 jam', "hours_en" = 'Any time' WHERE "code" = 'jaki' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Datang ke Pendopo Balai Kota, Jl. Medan Merdeka Selatan 8–9, Jakarta Pusat; petugas mencatat dan memberi nomor tiket.', "how_en" = 'Walk in at the Balai Kota pendopo, Jl. Medan Merdeka Selatan 8–9, Central Jakarta; staff record it and give you a ticket number.', "hours_id" = 'Senin–Jumat 07.30–09.30 WIB', "hours_en" = 'Mon–Fri 07:30–09:30 WIB' WHERE "code" = 'pendopo' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Sebut atau kirim pesan ke @DKIJakarta di X (Twitter); operator mencatatnya.', "how_en" = 'Mention or message @DKIJakarta on X (Twitter); an operator records it.', "hours_id" = '24 jam (dicatat pada jam kerja)', "hours_en" = 'Any time (recorded in office hours)' WHERE "code" = 'twitter' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Kirim pesan ke halaman Facebook Pemprov DKI Jakarta.', "how_en" = 'Message the Jakarta Provincial Government''s Facebook page.', "hours_id" = '24 jam (dicatat pada jam kerja)', "hours_en" = 'Any time (recorded in office hours)' WHERE "code" = 'facebook' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Sebut atau kirim pesan ke @dkijakarta di Instagram.', "how_en" = 'Mention or message @dkijakarta on Instagram.', "hours_id" = '24 jam (dicatat pada jam kerja)', "hours_en" = 'Any time (recorded in office hours)' WHERE "code" = 'instagram' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Kirim surel ke alamat pengaduan resmi Pemprov DKI Jakarta; lampirkan foto bila ada.', "how_en" = 'E-mail the provincial government''s official complaint address; attach photos if you have them.', "hours_id" = '24 jam', "hours_en" = 'Any time' WHERE "code" = 'email' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Sebut akun media sosial resmi Gubernur DKI Jakarta.', "how_en" = 'Mention the Governor''s official social-media accounts.', "hours_id" = '24 jam (dicatat pada jam kerja)', "hours_en" = 'Any time (recorded in office hours)' WHERE "code" = 'medsos-gubernur' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Kirim SMS ke nomor pengaduan resmi Pemprov DKI Jakarta.', "how_en" = 'Text the provincial government''s official complaint number.', "hours_id" = '24 jam', "hours_en" = 'Any time' WHERE "code" = 'sms' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Datang ke Kantor Inspektorat Provinsi DKI Jakarta untuk pengaduan penyalahgunaan wewenang atau pungli; identitas pelapor dirahasiakan.', "how_en" = 'Visit the Inspectorate''s office to report abuse of authority or extortion; your identity is kept confidential.', "hours_id" = 'Senin–Jumat 08.00–16.00 WIB', "hours_en" = 'Mon–Fri 08:00–16:00 WIB' WHERE "code" = 'inspektorat' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Datang ke kantor walikota (bupati untuk Kepulauan Seribu) di wilayah Anda.', "how_en" = 'Walk in at your city''s mayor''s office (the regent''s in Kepulauan Seribu).', "hours_id" = 'Senin–Jumat 08.00–16.00 WIB', "hours_en" = 'Mon–Fri 08:00–16:00 WIB' WHERE "code" = 'kantor-walikota' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Datang ke kantor kecamatan; lokasi disurvei keesokan harinya lalu ditangani atau diteruskan.', "how_en" = 'Walk in at the district office; the place is surveyed the next day, then handled or forwarded.', "hours_id" = 'Sabtu 08.00–11.00 WIB', "hours_en" = 'Sat 08:00–11:00 WIB' WHERE "code" = 'kantor-camat' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Datang ke kantor kelurahan.', "how_en" = 'Walk in at the village office.', "hours_id" = 'Minggu 09.00–11.00 WIB', "hours_en" = 'Sun 09:00–11:00 WIB' WHERE "code" = 'kantor-lurah' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Aspirasi warga yang dimuat media massa dicatat oleh operator.', "how_en" = 'Residents'' concerns published in the mass media are recorded by operators.', "hours_id" = '', "hours_en" = '' WHERE "code" = 'media-massa' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Laporkan lewat LAPOR! (lapor.go.id) atau SMS 1708; laporan untuk Jakarta diteruskan ke sini.', "how_en" = 'Report through LAPOR! (lapor.go.id) or SMS 1708; reports about Jakarta are forwarded here.', "hours_id" = '24 jam', "hours_en" = 'Any time' WHERE "code" = 'lapor' AND "how_id" = '';
--> statement-breakpoint
UPDATE "channels" SET "how_id" = 'Isi formulir di situs ini (Buat laporan): foto dan titik di peta.', "how_en" = 'Use the form on this site (Make a report): photo and a point on the map.', "hours_id" = '24 jam', "hours_en" = 'Any time' WHERE "code" = 'web' AND "how_id" = '';
