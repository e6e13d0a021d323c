import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ATTACHMENT_SCANNER, type AttachmentScanner, type ScannedAttachment, type ScanVerdict } from '../../apps/api/email/attachment-scanner.js';
import { ATTACHMENT_SLICE_BYTES } from '../../libs/db/attachment-content.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { startApiReplica, type ApiReplica } from '../support/api-replica.js';
import { awaitMail } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

const MAX_ATTACHMENT_BYTES = 1024 * 1024;
/** Larger than one slice, so a download takes several reads. */
const LARGE_FILE_BYTES = 3 * ATTACHMENT_SLICE_BYTES + 1234;

const TICKETS_OF = `query($email: String!) { tickets(filter: { requesterEmail: $email }, first: 5) { edges { node { id } } } }`;
const ATTACHMENTS = `query($id: ID!) { ticketAttachments(ticketId: $id) { id filename contentType sizeBytes sha256 messageId sentWithMessageId downloadPath } }`;
const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }`;
const OUTBOX = `query($to: String) { devOutbox(to: $to, first: 20) { subject attachments { filename contentType sizeBytes sha256 } } }`;

/** What the upload route answers. */
interface UploadedAttachment {
  id: string;
  filename: string | null;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A scanner that refuses everything, after reading what it was shown (as a real one would). */
class RefusingScanner implements AttachmentScanner {
  readonly shown: Array<{ purpose: string; sha256: string; contentSha256: string }> = [];

  async scan(attachment: ScannedAttachment): Promise<ScanVerdict> {
    const hash = createHash('sha256');
    for await (const chunk of attachment.content() as Readable) hash.update(chunk as Buffer);
    this.shown.push({ purpose: attachment.purpose, sha256: attachment.sha256, contentSha256: hash.digest('hex') });
    return { clean: false, reason: 'Eicar-Test-Signature FOUND' };
  }
}

describe('attachments: download, upload with a reply, the scan hook', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let otherAgent: string;
  let lead: string;

  beforeAll(async () => {
    system = await startTestSystem({ maxAttachmentBytes: MAX_ATTACHMENT_BYTES, inboundMaxMessageBytes: 4 * MAX_ATTACHMENT_BYTES });
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    ({ token: otherAgent } = await system.signIn(['agent']));
    ({ token: lead } = await system.signIn(['implementation_lead']));
  });
  afterAll(() => system.stop());

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const download = (path: string, token?: string, base = system.url) => fetch(`${base}${path}`, { headers: token ? bearer(token) : {} });

  function upload(ticketId: string, token: string, file: { bytes: Uint8Array; name: string; type: string } | null, base = system.url) {
    const form = new FormData();
    if (file) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
    else form.append('note', 'no file here');
    return fetch(`${base}/tickets/${ticketId}/attachments`, { method: 'POST', headers: bearer(token), body: form });
  }

  async function createTicket(requesterEmail: string): Promise<string> {
    return dataOf(await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail }) }, agent)).createTicket.id;
  }

  async function attachmentsOf(ticketId: string) {
    return dataOf(await system.graphql(ATTACHMENTS, { id: ticketId }, agent)).ticketAttachments;
  }

  async function attachmentRowCount(ticketId: string): Promise<number> {
    const [{ count }] = await system.dataSource.query('SELECT count(*)::int AS count FROM email_attachments WHERE ticket_id = $1', [ticketId]);
    return count;
  }

  /** A ticket opened by a customer's mail carrying one large PDF whose name tries to climb folders. */
  async function inboundTicketWithAttachment() {
    const sender = uniqueAddress('files');
    const content = randomBytes(LARGE_FILE_BYTES);
    await sendToInbound(system.inboundSmtpPort, {
      from: sender,
      subject: 'Invoice attached',
      text: 'See the attached invoice.',
      attachments: [{ filename: '../../Invoice "March".pdf', content, contentType: 'application/pdf' }],
    });
    const ticketId = await waitFor(
      'the mail’s ticket',
      async () => {
        const [edge] = dataOf(await system.graphql(TICKETS_OF, { email: sender }, agent)).tickets.edges;
        if (!edge) throw new Error('no ticket yet');
        return edge.node.id as string;
      },
      20_000,
    );
    const [attachment] = await attachmentsOf(ticketId);
    return { ticketId, attachment, content };
  }

  it('streams an inbound attachment to whoever may read its ticket, with its type, size and a safe file name', async () => {
    const { attachment, content } = await inboundTicketWithAttachment();
    expect(attachment).toMatchObject({ contentType: 'application/pdf', sizeBytes: LARGE_FILE_BYTES, sentWithMessageId: null });
    expect(attachment.downloadPath).toBe(`/attachments/${attachment.id}`);

    const response = await download(attachment.downloadPath, agent);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(LARGE_FILE_BYTES));
    // No folders, quotes escaped; always a download, never rendered in the console's origin.
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Invoice \\"March\\".pdf"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(LARGE_FILE_BYTES);
    expect(sha256(bytes)).toBe(sha256(content));
  });

  it('refuses a download without a token, to a role that does not work tickets, and of an unknown or malformed id', async () => {
    const { attachment } = await inboundTicketWithAttachment();
    const refusal = async (response: Response) => ({ status: response.status, body: await response.json() });

    expect(await refusal(await download(attachment.downloadPath))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await refusal(await download(attachment.downloadPath, lead))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await refusal(await download('/attachments/6f1b2a4e-9c0d-4b7e-8a3f-5c2d1e0b9a87', agent))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await refusal(await download('/attachments/not-an-id', agent))).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
  });

  it('sends an uploaded file with the public reply’s mail, lists it on the ticket, and lets no second reply send it again', async () => {
    const customer = uniqueAddress('reply');
    const ticketId = await createTicket(customer);
    const bytes = randomBytes(LARGE_FILE_BYTES);

    const uploaded = await upload(ticketId, agent, { bytes, name: 'Résumé ünïcode.txt', type: 'text/plain' });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as UploadedAttachment;
    expect(file).toMatchObject({ filename: 'Résumé ünïcode.txt', contentType: 'text/plain', sizeBytes: LARGE_FILE_BYTES, sha256: sha256(bytes) });
    expect(await attachmentsOf(ticketId)).toEqual([]); // a draft until a reply sends it

    const reply = dataOf(await system.graphql(REPLY, { input: { ticketId, body: 'Here is the file.', public: true, attachmentIds: [file.id] } }, agent));
    const mail = await awaitMail(system, admin, customer, (candidate) => candidate.subject.startsWith('Re: '));
    expect(mail.text).toContain('Here is the file.');
    const outbox = dataOf(await system.graphql(OUTBOX, { to: customer }, admin)).devOutbox;
    const sent = outbox.find((candidate: { subject: string }) => candidate.subject === mail.subject);
    expect(sent.attachments).toEqual([{ filename: 'Résumé ünïcode.txt', contentType: 'text/plain', sizeBytes: LARGE_FILE_BYTES, sha256: sha256(bytes) }]);

    expect(await attachmentsOf(ticketId)).toEqual([
      expect.objectContaining({ id: file.id, messageId: null, sentWithMessageId: reply.replyToTicket.id, sha256: sha256(bytes) }),
    ]);
    const downloaded = await download(`/attachments/${file.id}`, agent);
    expect(sha256(new Uint8Array(await downloaded.arrayBuffer()))).toBe(sha256(bytes));

    const again = onlyError(await system.graphql(REPLY, { input: { ticketId, body: 'Once more.', public: true, attachmentIds: [file.id] } }, agent));
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'attachmentIds' }] } });
    expect(again.message).toContain('already sent');
    const [{ count }] = await system.dataSource.query("SELECT count(*)::int AS count FROM ticket_messages WHERE ticket_id = $1 AND body = 'Once more.'", [ticketId]);
    expect(count).toBe(0);
  });

  it('refuses to send a file another agent uploaded, one of another ticket, or one that is no upload', async () => {
    const ticketId = await createTicket(uniqueAddress('foreign'));
    const otherTicketId = await createTicket(uniqueAddress('foreign'));
    const uploadSmall = async (onTicket: string, token: string) =>
      (await (await upload(onTicket, token, { bytes: randomBytes(10), name: 'a.bin', type: 'application/octet-stream' })).json()) as UploadedAttachment;
    const theirs = await uploadSmall(ticketId, otherAgent);
    const elsewhere = await uploadSmall(otherTicketId, agent);

    for (const [id, why] of [
      [theirs.id, 'not one you uploaded'],
      [elsewhere.id, 'belongs to another ticket'],
      ['6f1b2a4e-9c0d-4b7e-8a3f-5c2d1e0b9a87', 'there is no attachment'],
    ]) {
      const refusal = onlyError(await system.graphql(REPLY, { input: { ticketId, body: 'With a file.', public: true, attachmentIds: [id] } }, agent));
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'attachmentIds' }] } });
      expect(refusal.message).toContain(why);
    }
    const [{ count }] = await system.dataSource.query('SELECT count(*)::int AS count FROM ticket_messages WHERE ticket_id = $1', [ticketId]);
    expect(count).toBe(0);
  });

  it('refuses an upload over EMAIL_MAX_ATTACHMENT_BYTES, one without a file, on an unknown ticket and by a role that does not reply, storing nothing', async () => {
    const ticketId = await createTicket(uniqueAddress('limits'));
    const refusal = async (response: Promise<Response>) => {
      const answer = await response;
      return { status: answer.status, body: (await answer.json()) as { code: string; message: string; reason?: string } };
    };

    const tooLarge = await refusal(upload(ticketId, agent, { bytes: randomBytes(MAX_ATTACHMENT_BYTES + 1), name: 'big.bin', type: 'application/octet-stream' }));
    expect(tooLarge).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_TOO_LARGE' } });
    expect(tooLarge.body.message).toContain(String(MAX_ATTACHMENT_BYTES));
    const exactlyAtLimit = await upload(ticketId, agent, { bytes: randomBytes(MAX_ATTACHMENT_BYTES), name: 'max.bin', type: 'application/octet-stream' });
    expect(exactlyAtLimit.status).toBe(201);

    expect(await refusal(upload(ticketId, agent, null))).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_FILE_MISSING' } });
    expect(await refusal(upload('6f1b2a4e-9c0d-4b7e-8a3f-5c2d1e0b9a87', agent, { bytes: randomBytes(10), name: 'x', type: 'text/plain' }))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await refusal(upload(ticketId, lead, { bytes: randomBytes(10), name: 'x', type: 'text/plain' }))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await attachmentRowCount(ticketId)).toBe(1); // only the one at the limit
  });

  describe('with a scanner that refuses everything', () => {
    let replica: ApiReplica;
    const scanner = new RefusingScanner();

    beforeAll(async () => {
      replica = await startApiReplica(system, { override: (app) => app.overrideProvider(ATTACHMENT_SCANNER).useValue(scanner) });
    });
    afterAll(() => replica.stop());

    it('blocks the upload (nothing stored) and the download, with the scanner’s reason', async () => {
      const ticketId = await createTicket(uniqueAddress('scan'));
      const bytes = randomBytes(2000);
      const blockedUpload = await upload(ticketId, agent, { bytes, name: 'eicar.com', type: 'application/octet-stream' }, replica.url);
      expect(blockedUpload.status).toBe(400);
      expect(await blockedUpload.json()).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_BLOCKED_BY_SCAN', message: expect.stringContaining('Eicar-Test-Signature FOUND') });
      expect(await attachmentRowCount(ticketId)).toBe(0);
      expect(scanner.shown.at(-1)).toEqual({ purpose: 'upload', sha256: sha256(bytes), contentSha256: sha256(bytes) });

      const { attachment, content } = await inboundTicketWithAttachment();
      const blockedDownload = await download(attachment.downloadPath, agent, replica.url);
      expect(blockedDownload.status).toBe(403);
      expect(await blockedDownload.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'ATTACHMENT_BLOCKED_BY_SCAN' });
      expect(scanner.shown.at(-1)).toEqual({ purpose: 'download', sha256: sha256(content), contentSha256: sha256(content) });

      // The default scanner (the system's own API) passes the same file.
      expect((await download(attachment.downloadPath, agent)).status).toBe(200);
    });
  });
});
