'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { RecoveryCodesState } from './actions';

interface Labels {
  code: string;
  submit: string;
  codesTitle: string;
  codesIntro: string;
  continue: string;
  errors: Record<string, string>;
  failed: string;
}

/**
 * A form that proves a current code and gets ten recovery codes back (enrolment, or new codes),
 * shown here once: they live only in this page's memory, never in a URL or in the clear anywhere.
 */
export function RecoveryCodesForm({ action, labels, testId }: { action: (prev: RecoveryCodesState, f: FormData) => Promise<RecoveryCodesState>; labels: Labels; testId: string }) {
  const [state, formAction, pending] = useActionState<RecoveryCodesState, FormData>(action, null);
  if (state?.codes) {
    return (
      <section role="status" className="space-y-2 rounded border-2 border-amber-400 bg-amber-50 p-3" aria-labelledby={`${testId}-codes`}>
        <h2 id={`${testId}-codes`} className="text-lg font-semibold">{labels.codesTitle}</h2>
        <p className="text-sm">{labels.codesIntro}</p>
        <ol className="grid grid-cols-1 gap-1 font-mono text-base sm:grid-cols-2" data-testid="recovery-codes">
          {state.codes.map((c) => <li key={c}>{c}</li>)}
        </ol>
        <Link href="/petugas" className="inline-block rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{labels.continue}</Link>
      </section>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid={testId}>
      <label className="space-y-1">
        <span className="block text-sm font-medium">{labels.code}</span>
        <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required className="w-40 rounded border border-gray-500 px-3 py-2 font-mono" />
      </label>
      <button disabled={pending} className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white disabled:opacity-60">{labels.submit}</button>
      {state?.error ? (
        <p className="w-full rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-testid="mfa-error">
          {labels.errors[state.error] ?? labels.failed}
        </p>
      ) : null}
    </form>
  );
}
