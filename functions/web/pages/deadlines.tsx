/**
 * Deadlines and the cycle's status on the pages, as small pieces: the dashboard's overdue countries
 * and extensions, the marks of one country's row (overdue, late, extended), and the notice of a cycle
 * whose reports cannot change (planned or closed).
 */
import type { FC } from 'hono/jsx';
import type { Cycle, CycleInfo } from '../../../shared/form';
import type { ReportSummary } from '../../../shared/store/report-store';
import { deadlineOf, isOverdue, reportsFrozenReason } from '../../../shared/workflow';
import { Notice, Time, type PageContext } from '../layout';
import { commitmentsDocumentPath, questionsPath, reportPath } from '../paths';

/** The marks of one country on the dashboard, in words (never colour alone). */
export const DeadlineMark: FC<{ cycle: Cycle; summary: ReportSummary; now: Date }> = ({ cycle, summary, now }) => {
  const extension = cycle.extensions[summary.country];
  return (
    <>
      {isOverdue(cycle, summary.country, summary.status, now) ? <span class="mark mark-overdue">Overdue</span> : null}
      {summary.late ? <span class="mark mark-late">Submitted late</span> : null}
      {extension ? (
        <span class="mark mark-extended">
          Extended to <Time iso={deadlineOf(cycle, summary.country)} date />
        </span>
      ) : null}
    </>
  );
};

/** The dashboard's deadline panel: overdue countries, late submissions, extensions with their reasons, and the cycle's documents. */
export const DeadlineFacts: FC<{ ctx: PageContext; info: CycleInfo; all: ReportSummary[]; now: Date }> = ({ ctx, info, all, now }) => {
  const { cycle } = info;
  const name = (code: string) => cycle.participants.find((p) => p.code === code)?.name ?? code;
  const overdue = all.filter((r) => isOverdue(cycle, r.country, r.status, now));
  const late = all.filter((r) => r.late);
  const extensions = Object.entries(cycle.extensions);
  return (
    <section aria-labelledby="deadlines-heading" class="panel">
      <h2 id="deadlines-heading">Deadlines</h2>
      <p>
        {overdue.length === 0 ? 'No report is overdue.' : `${overdue.length} ${overdue.length === 1 ? 'report is' : 'reports are'} overdue (never submitted, deadline passed).`}{' '}
        {late.length > 0 ? `${late.length} ${late.length === 1 ? 'report was' : 'reports were'} first submitted after the deadline.` : ''}
      </p>
      {extensions.length > 0 ? (
        <>
          <h3>Extensions</h3>
          <ul>
            {extensions.map(([code, extension]) => (
              <li>
                <a href={ctx.href(reportPath(cycle.id, code))}>{name(code)}</a>: until <Time iso={deadlineOf(cycle, code)} date />. {extension.reason}{' '}
                <span class="muted">
                  (granted by {extension.by.name}, <Time iso={extension.at} date />)
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={ctx.href(questionsPath(cycle.id))}>One question across countries</a> ·{' '}
        {cycle.previous ? (
          <>
            Commitments of {cycle.previous} followed up: <a href={ctx.href(commitmentsDocumentPath(cycle.id, 'html'))}>HTML</a> · <a href={ctx.href(commitmentsDocumentPath(cycle.id, 'md'))}>Markdown</a>
          </>
        ) : null}
      </p>
    </section>
  );
};

/** Said at the top of a page whose cycle does not take changes to reports now. */
export const CycleStatusNotice: FC<{ cycle: Pick<Cycle, 'id' | 'status'> }> = ({ cycle }) => {
  const why = reportsFrozenReason(cycle);
  return why ? (
    <Notice kind="warning" role="note">
      <p>{why}</p>
    </Notice>
  ) : null;
};
