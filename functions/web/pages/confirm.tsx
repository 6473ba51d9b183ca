/**
 * The confirmation of an action that cannot be undone by its author (submit, send a review, approve,
 * publish): what will happen, in plain words, with a button that does it and a way back. It works
 * without script: the first post shows this page, the second (with `confirm=yes`) acts.
 */
import type { FC } from 'hono/jsx';
import { Breadcrumbs, Csrf, Layout, type PageContext } from '../layout';

export interface Confirmation {
  title: string;
  /** What will happen, one point each. */
  consequences: string[];
  /** Where the confirmed form posts, and the fields it carries besides `confirm`. */
  action: string;
  fields?: Record<string, string>;
  confirmLabel: string;
  /** Where "Cancel" leads (the page the user came from). */
  back: { href: string; label: string };
}

export const ConfirmPage: FC<{ ctx: PageContext; confirmation: Confirmation }> = ({ ctx, confirmation: c }) => (
  <Layout ctx={ctx} title={c.title}>
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: c.back.label, href: c.back.href }, { label: c.title }]} />
    <h1 id="confirm-title">{c.title}</h1>
    <ul class="consequences" aria-labelledby="confirm-title">
      {c.consequences.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
    <form method="post" action={ctx.href(c.action)}>
      <Csrf ctx={ctx} />
      <input type="hidden" name="confirm" value="yes" />
      {Object.entries(c.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="actions">
        <button type="submit" class="button">
          {c.confirmLabel}
        </button>
        <a href={c.back.href}>Cancel and go back</a>
      </div>
    </form>
  </Layout>
);
