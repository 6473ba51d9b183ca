/**
 * Reopening an approval (administrators): what will happen, in plain words, and the reason the
 * country will read. Refused without a reason, with the message next to the field and the text kept.
 */
import type { FC } from 'hono/jsx';
import { Breadcrumbs, Csrf, ErrorSummary, Layout, TextareaField, type PageContext } from '../layout';

export interface ReopenForm {
  title: string;
  /** What will happen, one point each. */
  consequences: string[];
  /** Where the form posts. */
  action: string;
  back: { href: string; label: string };
  reason?: string | undefined;
  error?: string | undefined;
}

export const ReopenPage: FC<{ ctx: PageContext; form: ReopenForm }> = ({ ctx, form }) => (
  <Layout ctx={ctx} title={form.title}>
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: form.back.label, href: form.back.href }, { label: form.title }]} />
    <ErrorSummary errors={form.error ? [{ field: 'reason', message: form.error }] : []} />
    <h1 id="reopen-title">{form.title}</h1>
    <ul class="consequences" aria-labelledby="reopen-title">
      {form.consequences.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
    <form method="post" action={ctx.href(form.action)}>
      <Csrf ctx={ctx} />
      <TextareaField
        id="reason"
        name="reason"
        label="Reason for reopening"
        hint="Required. The country reads it, and it stays in the report's history."
        error={form.error}
        value={form.reason ?? ''}
      />
      <div class="actions">
        <button type="submit" class="button">
          Reopen
        </button>
        <a href={form.back.href}>Cancel and go back</a>
      </div>
    </form>
  </Layout>
);
