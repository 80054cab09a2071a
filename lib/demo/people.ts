import type { Rand } from './random';

const GIVEN = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gilang', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putri', 'Rizki', 'Sari', 'Teguh', 'Wahyu', 'Yuni', 'Ahmad', 'Siti', 'Dimas', 'Ratna', 'Bayu', 'Maya', 'Fajar', 'Ayu', 'Hadi', 'Rina'];
const FAMILY = ['Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Kusuma', 'Pratama', 'Nugroho', 'Siregar', 'Simanjuntak', 'Lubis', 'Rahman', 'Setiawan', 'Gunawan', 'Permana', 'Halim', 'Tanjung', 'Nasution', 'Purba', 'Wibowo', 'Susanto'];

export interface FakeReporter {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** An invented reporter for demo data. Private fields: they never appear on public pages. */
export function fakeReporter(rand: Rand): FakeReporter {
  const given = GIVEN[Math.floor(rand() * GIVEN.length)];
  const family = FAMILY[Math.floor(rand() * FAMILY.length)];
  const hasName = rand() < 0.85;
  const phone = rand() < 0.75 ? `08${String(1100000000 + Math.floor(rand() * 8899999999)).slice(0, 10)}` : null;
  const email =
    rand() < 0.3 ? `${given}.${family}${Math.floor(rand() * 100)}@contoh.id`.toLowerCase() : null;
  return { name: hasName ? `${given} ${family}` : null, phone, email };
}
