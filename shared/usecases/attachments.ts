/**
 * Use cases on section attachments: a rapporteur asks for an upload URL, completes the upload,
 * removes a file; readers of the report list and download. Authorization is decided here; the
 * store applies the section's editable condition in the same write.
 */
import type { Attachment, AttachmentDownload, UploadTicket } from '../store/attachment-items';
import { authorize, type Actor } from '../workflow';
import type { AttachmentRequest } from '../workflow/attachments';
import type { AttachmentDeps } from './deps';
import { assertCanRead } from './reports';
import { resolveSection, type SectionAddress } from './resolve';

export interface AttachmentAddress extends SectionAddress {
  id: string;
}

/** Records a pending attachment and returns where to PUT the bytes (the country's rapporteur; section editable). */
export async function requestUpload(deps: AttachmentDeps, actor: Actor, at: SectionAddress, file: AttachmentRequest): Promise<UploadTicket> {
  await resolveSection(deps.cycles, at);
  // The rule of saving a section: only the country's rapporteur changes its attachments.
  authorize('saveSection', actor, at.country);
  return deps.attachments.requestUpload(actor, at, file);
}

/** Checks the uploaded bytes against the declaration and makes the attachment visible. */
export async function completeUpload(deps: AttachmentDeps, actor: Actor, at: AttachmentAddress): Promise<Attachment> {
  await resolveSection(deps.cycles, at);
  authorize('saveSection', actor, at.country);
  return deps.attachments.complete(actor, at, at.id);
}

/** Removes an attachment while its section is editable. */
export async function removeAttachment(deps: AttachmentDeps, actor: Actor, at: AttachmentAddress): Promise<void> {
  await resolveSection(deps.cycles, at);
  authorize('saveSection', actor, at.country);
  await deps.attachments.remove(at, at.id);
}

/** A section's uploaded attachments, for whoever may read the report. */
export async function listAttachments(deps: AttachmentDeps, actor: Actor | undefined, at: SectionAddress): Promise<Attachment[]> {
  const { info, participant } = await resolveSection(deps.cycles, at);
  await assertCanRead(deps, actor, info, participant);
  return deps.attachments.list(at);
}

/** One attachment with a short-lived download URL, for whoever may read the report. */
export async function getAttachmentDownload(deps: AttachmentDeps, actor: Actor | undefined, at: AttachmentAddress): Promise<AttachmentDownload> {
  const { info, participant } = await resolveSection(deps.cycles, at);
  await assertCanRead(deps, actor, info, participant);
  return deps.attachments.get(at, at.id);
}
