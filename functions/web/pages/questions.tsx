/**
 * One question across countries: the list of the cycle's questions, and one question with every
 * participant's answer side by side (staff: every participant, the public: published reports only).
 */
import type { FC } from 'hono/jsx';
import { formOutline } from '../../../shared/documents/answers';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { CycleInfo } from '../../../shared/form';
import type { AnswersView } from '../../../shared/usecases/answers';
import { Breadcrumbs, Layout, RawHtml, StatusBadge, Time, type PageContext } from '../layout';
import { publicReportPath, questionPath, questionsPath, reportPath, sectionAnchor } from '../paths';

export const QuestionsPage: FC<{ ctx: PageContext; info: CycleInfo }> = ({ ctx, info }) => {
  const title = `Questions of the ${info.cycle.id} form`;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: title }]} />
      <h1>{title}</h1>
      <p class="lead">Choose a question to read every country's answer to it side by side.</p>
      {formOutline(info).map(({ target, goals }) => (
        <section aria-labelledby={`target-${target.number}`}>
          <h2 id={`target-${target.number}`}>Policy Target No. {target.number}</h2>
          {goals.map(({ goal, questions }) => (
            <>
              <h3 class="goal-title">
                <span class="label">Operational Goal {goal.id}:</span> {goal.title}
              </h3>
              <ul>
                {questions.map(({ section, key }) => (
                  <li>
                    <a href={ctx.href(questionPath(info.cycle.id, section.id))}>
                      {section.id} {key}) {goal.prompts[key]}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
      ))}
    </Layout>
  );
};

/** Jumps to another question of the same cycle (a GET form: works without script). */
const QuestionPicker: FC<{ ctx: PageContext; info: CycleInfo; current: string }> = ({ ctx, info, current }) => (
  <form method="get" action={ctx.href(questionsPath(info.cycle.id))} class="filters" role="search" aria-label="Choose a question">
    <div class="field">
      <label for="question-picker">Question</label>
      <select id="question-picker" name="section">
        {info.sections.map((s) => (
          <option value={s.id} selected={s.id === current}>
            {s.id} {s.question}) {s.prompt.length > 70 ? `${s.prompt.slice(0, 70)}…` : s.prompt}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" class="button secondary">
      Show answers
    </button>
  </form>
);

export const AnswersPage: FC<{ ctx: PageContext; view: AnswersView }> = ({ ctx, view }) => {
  const { info, section, goal, answers, publishedOnly } = view;
  const title = `Question ${section.id} across countries, ${info.cycle.id}`;
  const shown = answers.filter((a) => a.answer);
  const unfiled = answers.filter((a) => !a.answer);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: `Questions of ${info.cycle.id}`, href: ctx.href(questionsPath(info.cycle.id)) }, { label: section.id }]} />
      <h1>{title}</h1>
      <dl class="meta-list">
        <dt>Operational goal</dt>
        <dd>
          {goal.id}: {goal.title}
        </dd>
        <dt>Question</dt>
        <dd>
          {section.question}) {section.prompt}
        </dd>
        <dt>Shown</dt>
        <dd>
          {publishedOnly
            ? `${answers.length} published ${answers.length === 1 ? 'report' : 'reports'}`
            : `${shown.length} of ${answers.length} participants (reports never submitted are listed without their text)`}
        </dd>
      </dl>
      <QuestionPicker ctx={ctx} info={info} current={section.id} />
      {answers.length === 0 ? <p>{publishedOnly ? `No report of the ${info.cycle.id} cycle has been published yet.` : 'No participant.'}</p> : null}
      <div class="answers-grid">
        {shown.map((a) => {
          const id = `answer-${a.country.toLowerCase()}`;
          const link = publishedOnly ? publicReportPath(info.cycle.id, a.country) : reportPath(info.cycle.id, a.country);
          return (
            <article class="country-answer" aria-labelledby={id}>
              <header>
                <h2 id={id}>
                  <a href={ctx.href(`${link}#${sectionAnchor(section.id)}`)}>{a.countryName}</a>
                </h2>
                <span class="section-facts">
                  <StatusBadge status={a.reportStatus} prefix="report" />
                  <StatusBadge status={a.status} prefix="answer" />
                </span>
              </header>
              {a.answer!.nothingToReport || !a.answer!.text.trim() ? (
                <p class="nothing">Nothing to report.</p>
              ) : (
                <RawHtml class="answer" html={answerToHtml(a.answer!.text)} />
              )}
              {a.answer?.updatedAt ? (
                <p class="muted">
                  Last changed <Time iso={a.answer.updatedAt} date />
                </p>
              ) : null}
            </article>
          );
        })}
      </div>
      {unfiled.length > 0 ? (
        <section aria-labelledby="unfiled-heading">
          <h2 id="unfiled-heading">Not submitted yet ({unfiled.length})</h2>
          <p id="unfiled">{unfiled.map((a) => a.countryName).join(', ')}.</p>
        </section>
      ) : null}
    </Layout>
  );
};
