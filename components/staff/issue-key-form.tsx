'use client';

import { useActionState } from 'react';
import { issueKeyAction, type IssueKeyState } from '@/app/[locale]/petugas/atur/actions';

/** Issues an API key and shows it once (it is not kept, only its hash). */
export function IssueKeyForm({ labels }: { labels: { owner: string; issue: string; shown: string; failed: string } }) {
  const [state, action, pending] = useActionState<IssueKeyState, FormData>(issueKeyAction, null);
  return (
    <form action={action} className="space-y-2" data-testid="issue-key">
      <label className="block space-y-1 text-sm">
        <span className="block">{labels.owner}</span>
        <input name="owner" required minLength={3} maxLength={100} className="w-full rounded border border-gray-500 px-2 py-1 text-sm" />
      </label>
      <button disabled={pending} className="rounded bg-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-white">
        {labels.issue}
      </button>
      {state?.key ? (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {labels.shown} <code className="break-all font-mono" data-testid="new-key">{state.key}</code>
        </p>
      ) : null}
      {state?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {labels.failed}
        </p>
      ) : null}
    </form>
  );
}
