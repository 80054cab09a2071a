'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">Maaf, terjadi gangguan</h1>
      <p>Permintaan Anda tidak dapat diproses saat ini. Silakan coba lagi sebentar lagi.</p>
      <p lang="en" className="text-sm text-gray-600">
        Sorry, something went wrong. Please try again shortly.
      </p>
      <button type="button" onClick={reset} className="rounded bg-[#0f3d5e] px-3 py-1.5 text-white">
        Coba lagi
      </button>
    </div>
  );
}
