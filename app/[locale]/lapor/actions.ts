'use server';

import { getDb } from '@/db/client';
import { reportPageChanged } from '@/lib/cache/pages';
import { fileWebReport, type WebReportResult } from '@/lib/intake/file-web-report';
import { supportReport } from '@/lib/intake/support-report';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { browserToken } from '@/lib/server/browser-token';
import { clientAddress, logUnexpected, requestPublicUrl } from '@/lib/server/request';
import { citizenLimits, limitMessage, runLimited, supportChecks } from '@/lib/intake/submission-limit';

export type SubmitReportState = WebReportResult | null;

/** Files a citizen's report (lib/intake/file-web-report.ts). */
export async function submitReport(_prev: SubmitReportState, formData: FormData): Promise<SubmitReportState> {
  return fileWebReport(formData);
}

export type SupportState =
  | { ok: true; supportCount: number }
  /** a contact was given: it must confirm from the message sent to it before the support counts */
  | { ok: true; isPending: true }
  | { ok: false; message: { id: string; en: string } }
  | null;

/** "Dukung" an existing open report instead of filing a duplicate (lib/intake/support-report.ts). */
export async function supportExistingReport(number: string, contact: string): Promise<SupportState> {
  const db = getDb();
  const now = new Date();
  try {
    const limits = citizenLimits();
    const browser = await browserToken();
    const who = { browser, address: await clientAddress(), contacts: [] };
    const input = { number: String(number).slice(0, 20), contact: String(contact ?? '').slice(0, 200), browser };
    const site = await requestPublicUrl();
    const outcome = await runLimited(db, supportChecks(limits, who), limits.windowSeconds, now, () => supportReport(db, input, { now, site }), () => true);
    if (outcome.refused) return { ok: false, message: limitMessage('dukung', outcome.refused, limits.windowSeconds) };
    if (outcome.result.kind === 'menunggu_konfirmasi') return { ok: true, isPending: true };
    reportPageChanged(input.number);
    return { ok: true, supportCount: outcome.result.supportCount };
  } catch (error) {
    if (error instanceof IntakeError) return { ok: false, message: INTAKE_MESSAGE[error.code] };
    const id = logUnexpected('supportExistingReport', error);
    return { ok: false, message: { id: `Gangguan sistem (kode ${id}).`, en: `System error (code ${id}).` } };
  }
}
