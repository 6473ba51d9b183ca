/**
 * A section's conversation on the pages: the thread (the return that opened it, the country's
 * replies, the secretariat's notes, internal ones marked as such) and the form to add to it: a reply
 * for the country's rapporteur on a returned section, a note (internal by default) for the secretariat.
 */
import type { FC } from 'hono/jsx';
import type { Comment, SectionState } from '../../../shared/workflow';
import { Csrf, TextareaField, Time, type PageContext } from '../layout';
import { sectionAnchor, sectionPath } from '../paths';

const KIND_LABEL: Record<Comment['kind'], string> = {
  return: 'Returned with a request for changes',
  reply: 'Reply of the country',
  note: 'Note of the secretariat',
};

export function commentFieldId(section: string): string {
  return `reply-${sectionAnchor(section)}`;
}

/** The thread; on the section page the latest return's text carries `id="return-comment"` (the request in force). */
export const Thread: FC<{ comments: Comment[]; section: string; headingLevel?: 3 | 4 | 5; markLatestReturn?: boolean }> = ({ comments, section, headingLevel = 4, markLatestReturn }) => {
  if (comments.length === 0) return null;
  const id = `thread-${sectionAnchor(section)}`;
  const Heading = `h${headingLevel}` as 'h4';
  const latestReturn = markLatestReturn ? comments.findLast((c) => c.kind === 'return') : undefined;
  return (
    <section class="thread" aria-labelledby={id}>
      <Heading id={id}>Conversation on {section}</Heading>
      <ol class="comments">
        {comments.map((c) => (
          <li class={`comment-entry comment-${c.kind}${c.internal ? ' comment-internal' : ''}`}>
            <p class="comment-meta">
              <strong>{c.author.name}</strong> <span class="muted">({c.role === 'rapporteur' ? 'country' : c.role})</span> · {KIND_LABEL[c.kind]}
              {c.internal ? <span class="tag">Internal: secretariat only</span> : null} · <Time iso={c.at} />
            </p>
            <p class="comment-text" id={c === latestReturn ? 'return-comment' : undefined}>
              {c.text}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
};

/**
 * The form that adds to a conversation. `mode` says who writes: the country replies (never
 * internal); the secretariat writes a note, internal unless the box is cleared.
 */
export const CommentForm: FC<{
  ctx: PageContext;
  cycle: string;
  country: string;
  section: SectionState;
  mode: 'reply' | 'note';
  /** Where to come back to: the section page, or the report page at this section. */
  back: 'section' | 'report';
  error?: { text: string; message: string } | undefined;
}> = ({ ctx, cycle, country, section, mode, back, error }) => {
  const fieldId = commentFieldId(section.id);
  const label = mode === 'reply' ? `Reply to the reviewers about ${section.id}` : `Add a note on ${section.id}`;
  const hint =
    mode === 'reply'
      ? 'Say what you changed, or why the answer stands as it is. A reply lets you submit the report again even without changing the answer.'
      : 'Notes are internal (seen by the secretariat only) unless you clear the box below; the country sees the others.';
  return (
    <form method="post" action={ctx.href(`${sectionPath(cycle, country, section.id)}/comments`)} class="comment-form">
      <Csrf ctx={ctx} />
      <input type="hidden" name="back" value={back} />
      <TextareaField id={fieldId} name="text" label={label} hint={hint} error={error?.message} value={error?.text ?? ''} />
      {mode === 'note' ? (
        <div class="field checkbox">
          <input type="checkbox" id={`${fieldId}-internal`} name="internal" value="true" checked />
          <label for={`${fieldId}-internal`}>Internal: for the secretariat only</label>
        </div>
      ) : null}
      <button type="submit" class="button secondary">
        {mode === 'reply' ? 'Send the reply' : 'Add the note'}
        <span class="visually-hidden"> on section {section.id}</span>
      </button>
    </form>
  );
};
