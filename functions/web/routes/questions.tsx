/**
 * One question across countries (signed in or not: the use case shows staff every participant and
 * everyone else the published reports), and the compilation of a cycle's commitments.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { getAnswersAcrossCountries } from '../../../shared/usecases/answers';
import { compileCommitments } from '../../../shared/usecases/commitments';
import { getCycle } from '../../../shared/usecases/cycles';
import type { DocumentFormat } from '../../../shared/usecases/documents';
import { pathOf, redirectTo, render, type C, type Site, type WebEnv } from '../context';
import { lazyPage } from '../lazy';
import { questionPath } from '../paths';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const AnswersPage = lazyPage(() => import('../pages/questions'), 'AnswersPage');
const QuestionsPage = lazyPage(() => import('../pages/questions'), 'QuestionsPage');

export function questionRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/questions/:cycle', async (c) => {
    const info = await getCycle(deps, pathOf(c, inputs.CycleParam).cycle);
    // The picker's GET form: ?section=1.1.A
    const chosen = info.sections.find((s) => s.id === c.req.query('section'));
    if (chosen) return redirectTo(site, c, questionPath(info.cycle.id, chosen.id));
    return render(c, <QuestionsPage ctx={c.get('page')} info={info} />);
  });

  app.get('/questions/:cycle/:section', async (c) => {
    const view = await getAnswersAcrossCountries(deps, c.get('session')?.actor, pathOf(c, inputs.QuestionParams));
    return render(c, <AnswersPage ctx={c.get('page')} view={view} />);
  });

  const commitments = (format: DocumentFormat) => async (c: C) => {
    const { cycle } = pathOf(c, inputs.CycleParam);
    const body = await compileCommitments(deps, c.get('session')?.actor, { cycle, format });
    if (format === 'html') return c.html(body);
    c.header('content-disposition', `attachment; filename="commitments-${cycle}.md"`);
    return c.body(body, 200, { 'content-type': 'text/markdown; charset=utf-8' });
  };
  app.get('/documents/:cycle/commitments.html', commitments('html'));
  app.get('/documents/:cycle/commitments.md', commitments('md'));
  return app;
}
