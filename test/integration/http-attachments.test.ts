/** Attachments through the HTTP API: presigned upload and download against the local S3 server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
const AL = '/cycles/2014/reports/AL';
let rapporteur: string;

beforeAll(async () => {
  api = await startTestApi();
  rapporteur = await api.issuer.sign({ sub: 'rap-al', name: 'Rapporteur AL', roles: ['rapporteur'], country: 'AL' });
});
afterAll(async () => {
  await api?.close();
});

async function upload(section: string, bytes: Buffer, contentType: string, filename: string) {
  const ticketResponse = await api.call('POST', `${AL}/sections/${section}/attachments`, { token: rapporteur, body: { filename, contentType, size: bytes.length } });
  expect(ticketResponse.status, await ticketResponse.clone().text()).toBe(201);
  const ticket = await ticketResponse.json();
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return ticket;
}

describe('attachments over HTTP', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);

  it('uploads through the presigned URL, completes, lists, shows it in the report and downloads the same bytes', async () => {
    const ticket = await upload('1.1.A', pdf, 'application/pdf', 'Law on Criminal Procedure.pdf');
    expect(ticket.uploadUrl).not.toContain('Law');
    expect(new Date(ticket.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const completed = await api.call('POST', `${AL}/sections/1.1.A/attachments/${ticket.id}/complete`, { token: rapporteur });
    expect(completed.status).toBe(200);
    expect(await completed.json()).toMatchObject({ id: ticket.id, filename: 'Law on Criminal Procedure.pdf', size: pdf.length, contentType: 'application/pdf' });

    const list = await (await api.call('GET', `${AL}/sections/1.1.A/attachments`, { token: api.tokens.reviewer })).json();
    expect(list.attachments.map((a: { id: string }) => a.id)).toEqual([ticket.id]);

    const report = await (await api.call('GET', AL, { token: rapporteur })).json();
    expect(report.sections[0].attachments.map((a: { id: string }) => a.id)).toEqual([ticket.id]);
    expect(report.sections[1].attachments).toEqual([]);

    const download = await (await api.call('GET', `${AL}/sections/1.1.A/attachments/${ticket.id}`, { token: api.tokens.reviewer })).json();
    const bytes = Buffer.from(await (await fetch(download.downloadUrl)).arrayBuffer());
    expect(bytes.equals(pdf)).toBe(true);
  });

  it('does not list an attachment whose upload was never completed', async () => {
    await upload('1.1.B', Buffer.from('draft,figures\n1,2\n'), 'text/csv', 'figures.csv');
    const list = await (await api.call('GET', `${AL}/sections/1.1.B/attachments`, { token: rapporteur })).json();
    expect(list.attachments).toEqual([]);
  });

  it.each([
    ['a type outside the list', { filename: 'setup.exe', contentType: 'application/x-msdownload', size: 10 }, 'body.contentType'],
    ['more than 25 MB', { filename: 'scan.pdf', contentType: 'application/pdf', size: 25 * 1024 * 1024 + 1 }, 'body.size'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const response = await api.call('POST', `${AL}/sections/1.1.C/attachments`, { token: rapporteur, body });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it.each([
    ["a rapporteur of another country", () => api.tokens.xk],
    ['a reviewer', () => api.tokens.reviewer],
  ])('refuses an upload URL to %s with 403', async (_name, token) => {
    const response = await api.call('POST', `${AL}/sections/1.1.C/attachments`, { token: token(), body: { filename: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expect(response.status).toBe(403);
  });

  it("refuses another country's rapporteur the list and the download with 403", async () => {
    expect((await api.call('GET', `${AL}/sections/1.1.A/attachments`, { token: api.tokens.xk })).status).toBe(403);
  });

  it.each([
    ['a text file named .pdf', Buffer.from('Not a PDF at all, just text.\n'), 'application/pdf', 'decree.pdf', /“decree\.pdf” is not a PDF file: its content is plain text/],
    ['a PDF named .png', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 1)]), 'image/png', 'chart.png', /“chart\.png” is not a PNG image file: its content is a PDF file/],
    ['a ZIP-less .docx', Buffer.from('<html>Word?</html>'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'law.docx', /“law\.docx” is not a Word \(\.docx\) file/],
    ['a binary file named .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'text/csv', 'figures.csv', /“figures\.csv” is not CSV \(\.csv\): its content is a ZIP archive file/],
  ])('refuses completing %s (400 naming the file), keeps nothing and lists nothing', async (_name, bytes, contentType, filename, detail) => {
    const ticket = await upload('3.1.A', bytes, contentType, filename);
    const response = await api.call('POST', `${AL}/sections/3.1.A/attachments/${ticket.id}/complete`, { token: rapporteur });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.detail).toMatch(detail);
    expect(problem.errors[0].path).toBe('object.content');
    const list = await (await api.call('GET', `${AL}/sections/3.1.A/attachments`, { token: rapporteur })).json();
    expect(list.attachments).toEqual([]);
    // The refused bytes are gone: completing again finds nothing uploaded.
    expect((await api.call('POST', `${AL}/sections/3.1.A/attachments/${ticket.id}/complete`, { token: rapporteur })).status).toBe(409);
  });

  it('accepts files whose content fits their type (PNG, JPEG, DOCX as ZIP, text)', async () => {
    const files: Array<[Buffer, string, string]> = [
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 2)]), 'image/png', 'chart.png'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]), 'image/jpeg', 'photo.jpg'],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(32, 2)]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'law.docx'],
      [Buffer.from('Année;Victimes\n2013;14\n'), 'text/csv', 'victimes.csv'],
    ];
    for (const [bytes, contentType, filename] of files) {
      const ticket = await upload('3.1.B', bytes, contentType, filename);
      expect((await api.call('POST', `${AL}/sections/3.1.B/attachments/${ticket.id}/complete`, { token: rapporteur })).status, filename).toBe(200);
    }
  });

  it('locks attachments with their section once the report is submitted (409)', async () => {
    const kept = await upload('2.1.A', Buffer.from('Statistics 2013\n'), 'text/plain', 'stats.txt');
    expect((await api.call('POST', `${AL}/sections/2.1.A/attachments/${kept.id}/complete`, { token: rapporteur })).status).toBe(200);
    const report = await (await api.call('GET', AL, { token: rapporteur })).json();
    for (const section of report.sections) {
      await api.call('PUT', `${AL}/sections/${section.id}`, { token: rapporteur, headers: { 'if-match': section.etag }, body: { text: `Answer ${section.id}` } });
    }
    expect((await api.call('POST', `${AL}/submit`, { token: rapporteur })).status).toBe(200);

    const add = await api.call('POST', `${AL}/sections/2.1.A/attachments`, { token: rapporteur, body: { filename: 'late.pdf', contentType: 'application/pdf', size: 10 } });
    expect(add.status).toBe(409);
    const remove = await api.call('DELETE', `${AL}/sections/2.1.A/attachments/${kept.id}`, { token: rapporteur });
    expect(remove.status).toBe(409);
    const list = await (await api.call('GET', `${AL}/sections/2.1.A/attachments`, { token: rapporteur })).json();
    expect(list.attachments.map((a: { id: string }) => a.id)).toEqual([kept.id]);
  });
});
