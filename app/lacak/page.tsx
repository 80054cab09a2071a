import { redirect } from 'next/navigation';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

type Props = { searchParams: Promise<{ nomor?: string }> };

export const metadata = { title: 'Lacak tiket' };

export default async function TrackPage({ searchParams }: Props) {
  const { nomor } = await searchParams;
  const typed = nomor?.trim() ?? '';
  const number = typed ? normalizeTicketNumber(typed) : null;
  if (number) redirect(`/laporan/${number}`);

  return (
    <div className="mx-auto max-w-xl px-4 py-8 space-y-4">
      <h1 className="text-2xl font-bold">Lacak tiket</h1>
      <form action="/lacak" method="get" className="space-y-2">
        <label htmlFor="nomor" className="block font-medium">
          Nomor tiket <span className="font-normal text-gray-600">(ticket number)</span>
        </label>
        <div className="flex gap-2">
          <input
            id="nomor"
            name="nomor"
            defaultValue={typed}
            placeholder="JK2306180342"
            autoComplete="off"
            aria-describedby={typed ? 'nomor-error' : undefined}
            aria-invalid={typed ? true : undefined}
            className="flex-1 rounded border border-gray-400 px-3 py-2 font-mono uppercase"
          />
          <button type="submit" className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">
            Lacak
          </button>
        </div>
        {typed ? (
          <p id="nomor-error" className="text-sm text-red-700">
            “{typed}” bukan nomor tiket yang valid. Nomor tiket berbentuk JK diikuti 10 angka, misalnya JK2306180342.
            <span lang="en" className="block text-gray-600">
              Not a valid ticket number: JK followed by 10 digits.
            </span>
          </p>
        ) : null}
      </form>
    </div>
  );
}
