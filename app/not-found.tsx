import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">Halaman tidak ditemukan</h1>
      <p lang="en" className="text-sm text-gray-600">
        Page not found.
      </p>
      <Link href="/" className="underline">
        Kembali ke peta
      </Link>
    </div>
  );
}
