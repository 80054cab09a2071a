import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask-pii';

const NIK = '[NIK disembunyikan]';
const PHONE = '[nomor disembunyikan]';
const EMAIL = '[email disembunyikan]';
const ACCOUNT = '[rekening disembunyikan]';

// [label, what a citizen typed, what the public sees]; negatives are shown unchanged.
// prettier-ignore
const cases: [string, string, string][] = [
  // NIK and KK
  ['a plain NIK', 'NIK saya 3171012345670001, mohon dibantu', `NIK saya ${NIK}, mohon dibantu`],
  ['a NIK in groups of four', 'data pelapor 3171 0123 4567 0001 terlampir', `data pelapor ${NIK} terlampir`],
  ['a NIK dotted as on the KTP', 'NIK: 31.71.01.234567.0001', `NIK: ${NIK}`],
  ['a NIK with dashes', 'KTP 3171-0123-4567-0001 hilang', `KTP ${NIK} hilang`],
  ['a NIK in groups of six', 'identitas 317101 234567 0001', `identitas ${NIK}`],
  ['a KK number after "No. KK"', 'No. KK 3171012345670001 atas nama ibu saya', `No. KK ${NIK} atas nama ibu saya`],
  ['a NIK glued to its keyword', 'NIK:3171012345670001', `NIK:${NIK}`],
  ['a NIK without any keyword', 'ini punya saya 3273015708900002 tolong dicek', `ini punya saya ${NIK} tolong dicek`],
  ['a mistyped 15-digit NIK after "NIK"', 'NIK 317101234567000 (kurang satu angka)', `NIK ${NIK} (kurang satu angka)`],
  ['a NIK after a house number', 'Jl. Salemba No. 12 3171012345670001', `Jl. Salemba No. 12 ${NIK}`],
  // phone numbers
  ['a mobile number with dots', 'HP 0812.3456.7890 (Budi)', `HP ${PHONE} (Budi)`],
  ['+62 with a space and dashes', 'hubungi +62 812-3456-7890 kalau petugas datang', `hubungi ${PHONE} kalau petugas datang`],
  ['a Jakarta landline with a bracketed area code', 'kantor RW (021) 3456789 buka jam 08.00', `kantor RW ${PHONE} buka jam 08.00`],
  ['a landline with a dash', 'telepon kelurahan 021-5551234 tidak diangkat', `telepon kelurahan ${PHONE} tidak diangkat`],
  ['62 without the plus, grouped', 'nomor 62 21 3456 7890 sudah tidak aktif', `nomor ${PHONE} sudah tidak aktif`],
  ['an 11-digit mobile in 4-4-3', 'sms ke 0857 1234 567 saja', `sms ke ${PHONE} saja`],
  ['+62 with a bracketed area code', 'kontak: +62(21)5551234', `kontak: ${PHONE}`],
  ['a WhatsApp number', 'WA 081234567890', `WA ${PHONE}`],
  ['a WhatsApp number glued to "wa"', 'wa081234567890 (pak RT)', `wa${PHONE} (pak RT)`],
  ['a number in brackets', 'laporkan ke Pak RT (0812 3456 7890).', `laporkan ke Pak RT (${PHONE}).`],
  ['two numbers in a row', 'HP: 0812 3456 7890 / 0813-1111-2222', `HP: ${PHONE} / ${PHONE}`],
  ['a local number after "telp"', 'telp 5551234 (pos satpam)', `telp ${PHONE} (pos satpam)`],
  ['+62 followed by the trunk 0', 'WA: +62 0812 3456 7890', `WA: ${PHONE}`],
  ['a wa.me link', 'chat saja wa.me/6281234567890', `chat saja wa.me/${PHONE}`],
  ['a Yogyakarta landline', 'toko di 0274 512345 tutup', `toko di ${PHONE} tutup`],
  ['a mobile number spaced around dashes', 'no hp 0812 - 3456 - 7890', `no hp ${PHONE}`],
  // e-mail addresses
  ['a plain e-mail', 'kirim ke budi.santoso85@gmail.com ya', `kirim ke ${EMAIL} ya`],
  ['an e-mail with [at]', 'email: nama[at]gmail.com', `email: ${EMAIL}`],
  ['an e-mail with (at) and (dot)', 'nama (at) gmail (dot) com', EMAIL],
  ['an e-mail spelled with at and dot', 'balas ke nama at gmail dot com terima kasih', `balas ke ${EMAIL} terima kasih`],
  ['an e-mail with spaces round @ and .', 'nama @ gmail . com', EMAIL],
  ['an e-mail with [at] and [dot] and a co.id domain', 'nama[at]gmail[dot]co[dot]id', EMAIL],
  ['an e-mail at the end of a sentence', 'email budi@gmail.com. Terima kasih', `email ${EMAIL}. Terima kasih`],
  ['a webmail address without .com', 'kirim ke siti_rahma@yahoo', `kirim ke ${EMAIL}`],
  ['a government address', 'cc staf.kel@jakarta.go.id', `cc ${EMAIL}`],
  ['an e-mail spelled with "titik"', 'nama at yahoo titik co titik id', EMAIL],
  ['an e-mail with digits and a plus', 'surel: andi+lapor2024@outlook.co.id, balas segera', `surel: ${EMAIL}, balas segera`],
  // bank accounts
  ['a BCA account', 'rekening BCA 1234567890', `rekening BCA ${ACCOUNT}`],
  ['"no rek" with dashes', 'no rek 123-456-7890', `no rek ${ACCOUNT}`],
  ['"norek:" in groups', 'norek: 1234 5678 90', `norek: ${ACCOUNT}`],
  ['"rek." with the bank name', 'rek. Mandiri 1230004567890', `rek. Mandiri ${ACCOUNT}`],
  ['a transfer request', 'transfer ke rekening 0123456789', `transfer ke rekening ${ACCOUNT}`],
  ['an account with its holder', 'minta ditransfer ke rekening BRI a.n. Budi Santoso 002301234567508', `minta ditransfer ke rekening BRI a.n. Budi Santoso ${ACCOUNT}`],
  ['"Nomor rekening:"', 'Nomor rekening: 1234567890 (BNI)', `Nomor rekening: ${ACCOUNT} (BNI)`],
  // kept: what reports are about
  ['a licence plate', 'mobil B 1234 XYZ parkir di trotoar', 'mobil B 1234 XYZ parkir di trotoar'],
  ['a licence plate without spaces', 'B1234XYZ', 'B1234XYZ'],
  ['a two-letter licence plate', 'truk F 1234 AB menghalangi jalan', 'truk F 1234 AB menghalangi jalan'],
  ['a ticket number', 'sama dengan laporan JK2306180342', 'sama dengan laporan JK2306180342'],
  ['a JKR ticket number', 'tiket JKR2306180001 belum ditindaklanjuti', 'tiket JKR2306180001 belum ditindaklanjuti'],
  ['a long ticket number', 'lihat JK2026112600042', 'lihat JK2026112600042'],
  ['a Kemendagri region code', 'kode wilayah 31.71.01.1001', 'kode wilayah 31.71.01.1001'],
  ['an address with RT/RW', 'Jl. Kramat Raya No. 12 RT 005/RW 03', 'Jl. Kramat Raya No. 12 RT 005/RW 03'],
  ['a dotted RT and RW', 'RT.05 RW.003 Kel. Senen', 'RT.05 RW.003 Kel. Senen'],
  ['a house number with a letter', 'rumah No. 27A, Gg. Mawar 3', 'rumah No. 27A, Gg. Mawar 3'],
  ['a year', 'sejak tahun 2023 belum diperbaiki', 'sejak tahun 2023 belum diperbaiki'],
  ['a dashed date', 'terjadi pada 12-08-2024', 'terjadi pada 12-08-2024'],
  ['a slashed date', 'tanggal 12/08/2024', 'tanggal 12/08/2024'],
  ['a date with a leading zero and a time', 'pada 02-08-2024 08.30 WIB', 'pada 02-08-2024 08.30 WIB'],
  ['an ISO date and a time', 'dilaporkan 2024-08-12 pukul 09.15', 'dilaporkan 2024-08-12 pukul 09.15'],
  ['times', 'pukul 08.30 sampai 14:00', 'pukul 08.30 sampai 14:00'],
  ['a money amount', 'dipungut Rp 50.000 per bulan', 'dipungut Rp 50.000 per bulan'],
  ['a money amount glued to Rp', 'bayar Rp50.000,- ke oknum', 'bayar Rp50.000,- ke oknum'],
  ['millions of rupiah', 'kerugian Rp 1.500.000', 'kerugian Rp 1.500.000'],
  ['billions without Rp', 'anggaran 62.500.000.000 rupiah', 'anggaran 62.500.000.000 rupiah'],
  ['billions whose middle looks like a phone', 'nilai proyek Rp 1.062.500.000', 'nilai proyek Rp 1.062.500.000'],
  ['an electricity bill ("rekening")', 'rekening listrik Rp 1.500.000 bulan ini', 'rekening listrik Rp 1.500.000 bulan ini'],
  ['a water bill with a date', 'rekening air 12-08-2024 08.30 belum dibayar', 'rekening air 12-08-2024 08.30 belum dibayar'],
  ['a bill without a number', 'rekening air naik sejak 2023', 'rekening air naik sejak 2023'],
  ['a kilometre mark', 'di KM 12+300 arah Cikampek', 'di KM 12+300 arah Cikampek'],
  ['a percentage', 'sudah 75% rusak', 'sudah 75% rusak'],
  ['English "at"', 'please look at the road near the school', 'please look at the road near the school'],
  ['English "at" before a missing space', 'ketemu at home.Besok', 'ketemu at home.Besok'],
  ['pothole dimensions', 'lubang 2 x 3 meter, dalam 30 cm', 'lubang 2 x 3 meter, dalam 30 cm'],
  ['coordinates', 'lokasi -6.2088 106.8456', 'lokasi -6.2088 106.8456'],
  ['a postcode', 'kode pos 10430', 'kode pos 10430'],
  ['a phone brand', 'HP Samsung A52 dicuri', 'HP Samsung A52 dicuri'],
  ['a WhatsApp group', 'sudah dibahas di WA grup RT 05', 'sudah dibahas di WA grup RT 05'],
  ['a price "@"', '2 kg @ Rp5.000', '2 kg @ Rp5.000'],
];

describe('maskPersonalData', () => {
  it.each(cases)('%s', (_label, input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('masks everything in one long report and keeps the rest', () => {
    const report =
      'Mobil B 1234 XYZ parkir di depan rumah No. 12 RT 005/RW 03 sejak 12-08-2024 08.30. ' +
      'Saya (NIK 3171012345670001) sudah lapor ke Pak RT 0812-3456-7890 dan ke budi[at]gmail.com, ' +
      'diminta Rp 50.000 ke rekening BCA 1234567890. Laporan JK2306180342.';
    expect(maskPersonalData(report)).toBe(
      'Mobil B 1234 XYZ parkir di depan rumah No. 12 RT 005/RW 03 sejak 12-08-2024 08.30. ' +
        `Saya (NIK ${NIK}) sudah lapor ke Pak RT ${PHONE} dan ke ${EMAIL}, ` +
        `diminta Rp 50.000 ke rekening BCA ${ACCOUNT}. Laporan JK2306180342.`,
    );
  });
});

// Generators for the written forms above.
const digitString = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const chunk = (digits: string, sizes: readonly number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.filter(Boolean);
};

const nik = fc
  .tuple(
    fc.constantFrom(...'11 12 31 32 33 35 36 51 61 64 71 73 81 91 94'.split(' ')),
    digitString(4),
    fc.integer({ min: 1, max: 71 }).filter((day) => day <= 31 || day >= 41),
    fc.integer({ min: 1, max: 12 }),
    digitString(6),
  )
  .map(
    ([province, regency, day, month, rest]) =>
      `${province}${regency}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${rest}`,
  );
const writtenNik = fc
  .tuple(
    nik,
    fc.constantFrom('', ' ', '-', '.'),
    fc.constantFrom([], [4, 4, 4], [2, 2, 2, 6], [6, 6]),
    fc.constantFrom('', 'NIK: ', 'No. KK ', 'nik saya '),
  )
  .map(([digits, sep, sizes, keyword]) => ({
    secret: digits,
    text: keyword + chunk(digits, sep ? sizes : []).join(sep),
  }));

// National numbers (without the trunk 0): mobile 8xx, or a landline area code and a subscriber number.
const national = fc.oneof(
  fc.tuple(
    fc.constantFrom('811', '812', '813', '821', '852', '857', '878', '881', '895'),
    fc.integer({ min: 6, max: 9 }).chain(digitString),
  ),
  fc
    .tuple(
      fc.constantFrom('21', '22', '24', '31', '61'),
      fc.constantFrom('2', '5', '7', '8'),
      fc.integer({ min: 6, max: 7 }).chain(digitString),
    )
    .map(([area, head, rest]) => [area, head + rest] as const),
  fc
    .tuple(
      fc.constantFrom('274', '361', '411', '651'),
      fc.constantFrom('3', '5', '8'),
      digitString(5),
    )
    .map(([area, head, rest]) => [area, head + rest] as const),
);
const writtenPhone = fc
  .tuple(
    national,
    fc.constantFrom('0', '+62 ', '+62', '62 ', '+62-', '(0', '+62('),
    fc.constantFrom('', ' ', '-', '.', ' - '),
    fc.constantFrom('', 'WA ', 'HP: ', 'telp. ', 'hubungi ', 'no. '),
  )
  .map(([[area, subscriber], trunk, sep, keyword]) => {
    const rest = chunk(subscriber, [4, 4, 4]).join(sep);
    const head = trunk.endsWith('(')
      ? `${trunk}${area})${sep ? ' ' : ''}`
      : `${trunk}${area}${sep}`;
    return { secret: area + subscriber, text: keyword + head + rest };
  });

const local = fc
  .tuple(
    fc.constantFrom(...'bcdfghjkmnpqrsvwxz'),
    fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 4,
      maxLength: 10,
    }),
    fc.constantFrom('', '.', '_'),
    fc.nat(99),
  )
  .map(([first, middle, joiner, n]) => `${first}${middle}${joiner}q${n}`);
const writtenEmail = fc
  .tuple(
    local,
    fc.constantFrom(
      ['gmail', 'com'],
      ['yahoo', 'co', 'id'],
      ['jakarta', 'go', 'id'],
      ['mail-kantor', 'net'],
    ),
    fc.constantFrom('@', ' @ ', '[at]', ' (at) ', ' at ', '{at}'),
    fc.constantFrom('.', ' . ', '[dot]', ' (dot) ', ' dot ', ' titik '),
  )
  .map(([name, labels, at, dot]) => ({ secret: name, text: name + at + labels.join(dot) }));

const WORDS = ['jalan', 'rusak', 'sudah', 'dilaporkan', 'tolong', 'lampu', 'mati', 'di', 'pasar'];
// Numbers a report is about, which may sit right next to the secret.
// prettier-ignore
const NUMBERS = ['RT 05', 'No. 12', '2023', 'Rp 50.000', '08.30', 'B 1234 XYZ', '12-08-2024',
  'JK2306180342', '31.71.01.1001', 'lubang 2 x 3 meter'];
const filler = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(',', '.', '-'),
  ),
  { maxLength: 12 },
);
const embedded = (secret: fc.Arbitrary<{ secret: string; text: string }>) =>
  fc
    .tuple(secret, filler, fc.nat(), fc.constantFrom('', '.', ',', ')'))
    .map(([{ secret: value, text }, words, at, after]) => {
      const position = at % (words.length + 1);
      const around = [...words];
      around.splice(position, 0, text + after);
      return { secret: value, text: around.join(' '), without: words.join(' ') };
    });

/** Digit runs of `text`, read across the separators a number may contain. */
const digitRuns = (text: string) =>
  (text.match(/\d(?:[\s.()+-]{0,3}\d)*/g) ?? []).map((run) => run.replace(/\D/g, ''));
const windows = (digits: string) =>
  Array.from({ length: Math.max(0, digits.length - 5) }, (_, i) => digits.slice(i, i + 6));

describe('maskPersonalData properties', () => {
  it.each([
    ['NIKs', writtenNik],
    ['phone numbers', writtenPhone],
  ])('leaves no six consecutive digits of embedded %s', (_label, written) => {
    fc.assert(
      fc.property(embedded(written), ({ secret, text, without }) => {
        const before = digitRuns(without).join(' ');
        const after = digitRuns(maskPersonalData(text)).join(' ');
        for (const window of windows(secret))
          if (!before.includes(window)) expect(after).not.toContain(window);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no local part of embedded e-mail addresses', () => {
    fc.assert(
      fc.property(embedded(writtenEmail), ({ secret, text, without }) => {
        fc.pre(!without.includes(secret));
        expect(maskPersonalData(text)).not.toContain(secret);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent', () => {
    const anyText = fc.oneof(
      embedded(fc.oneof(writtenNik, writtenPhone, writtenEmail)).map(({ text }) => text),
      fc.string({
        unit: fc.constantFrom(...'0123456789 .-()+@[]atdoATrekWAnik:,/Rp\n'),
        maxLength: 80,
      }),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const once = maskPersonalData(text);
        expect(maskPersonalData(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('returns text without digits, "@" or a spelled "at" unchanged', () => {
    const plain = fc
      .oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 60 }))
      .filter((text) => !/[\d@]|\bat\b/i.test(text));
    fc.assert(
      fc.property(
        fc.oneof(
          plain,
          filler.map((words) => words.filter((word) => !/\d/.test(word)).join(' ')),
        ),
        (text) => {
          expect(maskPersonalData(text)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws and stays fast on long hostile input', () => {
    const hostile = fc.string({
      unit: fc.constantFrom(...'0123456789 .-()+@[]atdo:/'),
      minLength: 1000,
      maxLength: 5000,
    });
    fc.assert(
      fc.property(hostile, (text) => {
        expect(() => maskPersonalData(text)).not.toThrow();
      }),
      { numRuns: 50 },
    );
    const size = 100_000;
    const inputs = [
      '0',
      '1.',
      '0 ',
      '2 ',
      '2024 ',
      '08-',
      '1234567890',
      'a',
      'a.',
      'a@',
      'a at ',
      'a at b dot ',
      'nama[at]x[dot]',
      'rek ',
      'rekening a.n. ',
      'NIK 1 ',
    ];
    for (const unit of inputs) {
      const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const started = performance.now();
      maskPersonalData(text);
      expect(performance.now() - started, `100 KB of ${JSON.stringify(unit)}`).toBeLessThan(1000);
    }
  });
});
