import { getTranslations } from 'next-intl/server';
import type { getStaffTicket } from '@/db/queries/staff-ticket';
import { instructionState } from '@/lib/auth/supervision';
import { formatWib } from '@/lib/format';
import type { Locale } from '@/lib/i18n';

type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;

/**
 * A ticket's instructions from its supervisors, at the top of the workspace: the open ones in a
 * box that cannot be missed (red once past their deadline, marked when addressed to the viewer's
 * unit), the ended ones below with whether they were carried out in time.
 */
export async function InstructionsPanel({ ticket, now, locale }: { ticket: StaffTicket; now: Date; locale: Locale }) {
  if (ticket.instructions.length === 0) return null;
  const t = await getTranslations('petugas.ticket');
  const open = ticket.instructions.filter((i) => i.closedAt === null);
  const late = open.some((i) => instructionState(i, now) === 'terlambat');
  return (
    <section
      aria-labelledby="instruksi"
      data-testid="instructions"
      className={`space-y-2 rounded-lg border-2 p-3 text-sm ${open.length === 0 ? 'border-slate-300 bg-white' : late ? 'border-red-500 bg-red-50' : 'border-amber-400 bg-amber-50'}`}
    >
      <h2 id="instruksi" className="font-semibold">{t('instructions.title')}</h2>
      <ul className="space-y-2">
        {ticket.instructions.map((i) => {
          const state = instructionState(i, now);
          return (
            <li key={i.id} data-testid="instruction" className={i.closedAt === null ? '' : 'text-gray-700'}>
              <p>
                <strong className={i.isMine && i.closedAt === null ? 'text-red-800' : ''}>
                  {t('instructions.line', { from: i.fromName ?? '—', to: i.toName })}
                </strong>
                {' · '}
                <span className={state === 'terlambat' ? 'font-semibold text-red-800' : ''}>{t('instructions.due', { date: formatWib(i.dueAt, locale) })}</span>
                {' · '}
                <span data-testid="instruction-state">{t(`instructionState.${state}`)}</span>
              </p>
              <p className="whitespace-pre-line">“{i.body}”</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
