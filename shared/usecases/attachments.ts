/**
 * Use cases on section attachments: a rapporteur asks for an upload URL, completes the upload,
 * removes a file; readers of the report list and download. Authorization is decided here; the
 * store applies the section's editable condition in the same write.
 */
import type { Attachment, AttachmentDownload, UploadTicket } from '../store/attachment-items';
import { NotFoundError, authorize, isReaderOf, type Actor, type PublishedAttachment } from '../workflow';
import type { AttachmentRequest } from '../workflow/attachments';
import type { AttachmentDeps } from './deps';
import { notPublished } from './publications';
import { resolveSection, writableSection, type SectionAddress } from './resolve';

export interface AttachmentAddress extends SectionAddress {
  id: string;
}

/** Records a pending attachment and returns where to PUT the bytes (the country's rapporteur; section editable). */
export async function requestUpload(deps: AttachmentDeps, actor: Actor, at: SectionAddress, file: AttachmentRequest): Promise<UploadTicket> {
  await writableSection(deps.cycles, at);
  // The rule of saving a section: only the country's rapporteur changes its attachments.
  authorize('saveSection', actor, at.country);
  return deps.attachments.requestUpload(actor, at, file);
}

/** Checks the uploaded bytes against the declaration and makes the attachment visible. */
export async function completeUpload(deps: AttachmentDeps, actor: Actor, at: AttachmentAddress): Promise<Attachment> {
  await writableSection(deps.cycles, at);
  authorize('saveSection', actor, at.country);
  return deps.attachments.complete(actor, at, at.id);
}

/**
 * Removes an attachment while its section is editable. A file that a publication lists keeps its
 * bytes (the publication must stay whole): one more Query, of the publications' headers.
 */
export async function removeAttachment(deps: AttachmentDeps, actor: Actor, at: AttachmentAddress): Promise<void> {
  const { info, participant } = await writableSection(deps.cycles, at);
  authorize('saveSection', actor, at.country);
  const published = (await deps.reports.archive.publications(info.cycle.id, participant.code)).some((p) => p.attachments.some((a) => a.id === at.id));
  await deps.attachments.remove(actor, at, at.id, { keepBytes: published });
}

/** The files of the latest publication of a section's report (what anyone but its readers sees). */
async function publishedFiles(deps: AttachmentDeps, actor: Actor | undefined, at: SectionAddress): Promise<PublishedAttachment[]> {
  const { info, participant } = await resolveSection(deps.cycles, at);
  const read = await deps.reports.archive.latestPublication(info.cycle.id, participant.code, info.sectionIds.length);
  if (!read) throw notPublished(participant, info.cycle.id, actor);
  return read.header.attachments.filter((a) => a.section === at.section);
}

/** A section's uploaded attachments: as they are for the report's readers, as published for anyone else. */
export async function listAttachments(deps: AttachmentDeps, actor: Actor | undefined, at: SectionAddress): Promise<Attachment[]> {
  await resolveSection(deps.cycles, at);
  if (isReaderOf(actor, at.country)) return deps.attachments.list(at);
  return (await publishedFiles(deps, actor, at)).map(({ section: _section, key: _key, ...file }) => file);
}

/** One attachment with a short-lived download URL: any of the section's for its readers, a published one for anyone else. */
export async function getAttachmentDownload(deps: AttachmentDeps, actor: Actor | undefined, at: AttachmentAddress): Promise<AttachmentDownload> {
  await resolveSection(deps.cycles, at);
  if (isReaderOf(actor, at.country)) return deps.attachments.get(at, at.id);
  const file = (await publishedFiles(deps, actor, at)).find((f) => f.id === at.id);
  if (!file) throw new NotFoundError(`The published report has no attachment ${at.id} in section ${at.section}.`);
  return deps.attachments.signDownload(file);
}
