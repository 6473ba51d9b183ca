/**
 * Following the last cycle up, as small pieces the report and section pages place: what the country
 * announced last cycle (question C) beside its question A, for the country while it writes and for the
 * reviewer while reviewing; the offer to start from last cycle's answers; the link from a question to
 * every country's answer to it.
 */
import type { Child, FC } from 'hono/jsx';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { CycleInfo } from '../../../shared/form';
import type { CommitmentsView } from '../../../shared/usecases/commitments';
import { prefillRefusal, type ReportState } from '../../../shared/workflow';
import { Csrf, RawHtml, StatusBadge, type PageContext } from '../layout';
import { questionPath, reportPath } from '../paths';

interface AnnouncedProps {
  commitments: CommitmentsView | undefined;
  goal: string;
  question: string;
  /** Heading level of the panel (it sits under the question's heading). */
  level: 3 | 4;
}

/** What the country announced last cycle for this goal (question C), shown with question A only. */
export const AnnouncedCommitment: FC<AnnouncedProps> = ({ commitments, goal, question, level }) => {
  if (!commitments?.previous || question !== 'A') return null;
  const previous = commitments.previous.cycle.id;
  const announced = commitments.goals.find((g) => g.goal.id === goal)?.announced;
  const id = `announced-${goal.replace('.', '-')}`;
  const Heading = `h${level}` as 'h3';
  return (
    <aside class="commitment" aria-labelledby={id}>
      <Heading id={id}>
        What {commitments.participant.name} announced in its {previous} report
      </Heading>
      {announced ? (
        <>
          <p class="muted">
            {announced.section}) {announced.prompt} · <StatusBadge status={announced.reportStatus} prefix={`${previous} report`} />
          </p>
          {announced.nothingToReport || !announced.text.trim() ? (
            <p class="nothing">{announced.nothingToReport ? 'Nothing to report.' : 'No answer.'}</p>
          ) : (
            <RawHtml class="answer" html={answerToHtml(announced.text)} />
          )}
        </>
      ) : (
        <p class="nothing">There is no {previous} answer to show for this goal.</p>
      )}
    </aside>
  );
};

/** The reviewer's view of question A: last cycle's commitment and this cycle's answer side by side. */
export const BesideCommitment: FC<{ commitments: CommitmentsView | undefined; goal: string; question: string; children?: Child }> = ({ commitments, goal, question, children }) =>
  commitments?.previous && question === 'A' ? (
    <div class="beside">
      <AnnouncedCommitment commitments={commitments} goal={goal} question={question} level={4} />
      <div>{children}</div>
    </div>
  ) : (
    <>{children}</>
  );

/** The offer to copy last cycle's answers into the sections without an answer (shown only when it would copy something). */
export const PrefillOffer: FC<{ ctx: PageContext; info: CycleInfo; report: ReportState }> = ({ ctx, info, report }) => {
  const previous = info.cycle.previous;
  if (!ctx.session || !previous || prefillRefusal(ctx.session.actor, report, previous)) return null;
  return (
    <section aria-labelledby="prefill-heading" class="panel">
      <h2 id="prefill-heading">Start from your {previous} answers</h2>
      <p id="prefill-hint">
        Copies each answer of your {previous} report into the same question of this report, where you have not written an answer yet. Answers you wrote are never replaced; check and update
        each copied answer before you submit.
      </p>
      <form method="post" action={ctx.href(`${reportPath(report.cycle, report.country)}/prefill`)}>
        <Csrf ctx={ctx} />
        <button type="submit" class="button secondary" aria-describedby="prefill-hint">
          Copy my {previous} answers into the empty sections
        </button>
      </form>
    </section>
  );
};

/** A link from a question to every country's answer to it. */
export const QuestionLink: FC<{ ctx: PageContext; cycle: string; section: string }> = ({ ctx, cycle, section }) => (
  <a class="question-link" href={ctx.href(questionPath(cycle, section))}>
    Compare<span class="visually-hidden"> the answers to {section}</span> across countries
  </a>
);
