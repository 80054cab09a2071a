'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-[#0f3d5e] px-3 py-1.5 text-sm">
      {label}
    </button>
  );
}
