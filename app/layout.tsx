import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Aduan Jakarta — laporan warga, terbuka untuk semua', template: '%s · Aduan Jakarta' },
  description:
    'Laporkan masalah kota, lacak tiket Anda, dan lihat seberapa cepat setiap unit pemerintah menindaklanjuti.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f3d5e' };

const NAV = [
  { href: '/', label: 'Peta' },
  { href: '/lacak', label: 'Lacak tiket' },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id">
      <body className="min-h-screen flex flex-col">
        <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
          Lewati ke konten
        </a>
        <header className="bg-[#0f3d5e] text-white">
          <div className="mx-auto max-w-6xl px-4 py-3 flex flex-wrap items-center gap-x-6 gap-y-2">
            <Link href="/" className="font-bold text-lg tracking-tight">
              Aduan <span className="font-normal text-sky-200">Jakarta</span>
            </Link>
            <nav aria-label="Menu utama" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <Link key={item.href} href={item.href} className="hover:underline">
                  {item.label}
                </Link>
              ))}
            </nav>
          </div>
        </header>
        <main id="konten" className="flex-1">
          {children}
        </main>
        <footer className="border-t bg-white text-sm text-gray-600">
          <div className="mx-auto max-w-6xl px-4 py-4 flex flex-wrap gap-4 justify-between">
            <p>Aduan — portal pengaduan dan transparansi, kode terbuka.</p>
            <p>
              Batas wilayah: data Kemendagri via cahyadsn/wilayah_boundaries (MIT).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
