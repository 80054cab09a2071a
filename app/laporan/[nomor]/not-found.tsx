import Link from 'next/link';

export default function ReportNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">Laporan tidak ditemukan</h1>
      <p>
        Nomor tiket itu tidak ada atau tidak dapat ditampilkan untuk umum. Periksa kembali nomornya (contoh:
        JK2306180342).
      </p>
      <p lang="en" className="text-sm text-gray-600">
        Report not found: check the ticket number.
      </p>
      <Link href="/lacak" className="underline">
        Lacak tiket lain
      </Link>
    </div>
  );
}
