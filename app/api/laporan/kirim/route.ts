import { NextResponse, type NextRequest } from 'next/server';
import { fileWebReport, type WebReportResult } from '@/lib/intake/file-web-report';
import { ACTION_BODY_LIMIT_MB } from '@/lib/intake/form-limits';
import { isSameOrigin } from '@/lib/security/same-origin';
import { readFormWithin } from '@/lib/server/limited-form';

const refusal = (status: number, id: string, en: string) => NextResponse.json({ ok: false, formError: { id, en } }, { status });

/** The HTTP status of an answer: the queue in the browser retries 429 and 5xx later, and shows the rest. */
function statusOf(result: WebReportResult): number {
  if (result.ok) return 200;
  if (result.retryAfterMinutes) return 429;
  if (result.isSystemError) return 503;
  return 422;
}

/**
 * POST /api/laporan/kirim — the /lapor form (multipart, the fields of the server action
 * submitReport) sent by XMLHttpRequest, so that the page can show the upload's progress, and
 * replayed from the offline queue. The same path as the action: fileWebReport. Like a server
 * action, it answers only a page of this site (Origin) and refuses a body over the action's limit.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return refusal(403, 'Permintaan dari situs lain ditolak.', 'A request from another site is refused.');
  let form: FormData | null;
  try {
    form = await readFormWithin(request, ACTION_BODY_LIMIT_MB * 1024 * 1024);
  } catch {
    return refusal(400, 'Isi permintaan bukan formulir.', 'The request body is not a form.');
  }
  if (!form) return refusal(413, `Kiriman lebih dari ${ACTION_BODY_LIMIT_MB} MB ditolak.`, `A submission over ${ACTION_BODY_LIMIT_MB} MB is refused.`);
  const result = await fileWebReport(form);
  const headers = !result.ok && result.retryAfterMinutes ? { 'Retry-After': String(result.retryAfterMinutes * 60) } : undefined;
  return NextResponse.json(result, { status: statusOf(result), headers });
}
