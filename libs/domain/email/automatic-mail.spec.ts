import { automaticMailReason, type InboundMailFacts } from './automatic-mail.js';

const person: InboundMailFacts = { envelopeFrom: 'ana@example.com', from: 'ana@example.com', headers: {}, contentType: 'text/plain' };

describe('automaticMailReason', () => {
  it.each<[string, Partial<InboundMailFacts>, string]>([
    ['a null envelope sender', { envelopeFrom: '' }, 'bounce'],
    ['MAILER-DAEMON as envelope sender', { envelopeFrom: 'MAILER-DAEMON@mx.example.com' }, 'mailer daemon'],
    ['postmaster in From', { from: 'postmaster@example.com' }, 'mailer daemon'],
    ['a delivery report', { contentType: 'multipart/report' }, 'multipart/report'],
    ['Auto-Submitted: auto-replied', { headers: { 'auto-submitted': 'auto-replied' } }, 'Auto-Submitted'],
    ['Auto-Submitted: auto-generated', { headers: { 'auto-submitted': 'Auto-Generated' } }, 'Auto-Submitted'],
    ['X-Autoreply', { headers: { 'x-autoreply': 'yes' } }, 'X-Autoreply'],
    ['X-Autorespond', { headers: { 'x-autorespond': 'on' } }, 'X-Autoreply'],
    ['Precedence: bulk', { headers: { precedence: 'bulk' } }, 'Precedence'],
    ['Precedence: auto_reply', { headers: { precedence: 'auto_reply' } }, 'Precedence'],
    ['Precedence: junk', { headers: { precedence: ' JUNK ' } }, 'Precedence'],
  ])('recognises %s', (_name, facts, reason) => {
    expect(automaticMailReason({ ...person, ...facts })).toContain(reason);
  });

  it.each<[string, Partial<InboundMailFacts>]>([
    ['a plain mail', {}],
    ['Auto-Submitted: no (a person, said explicitly)', { headers: { 'auto-submitted': 'no' } }],
    ['Precedence: first-class', { headers: { precedence: 'first-class' } }],
    ['a multipart/mixed mail with attachments', { contentType: 'multipart/mixed' }],
    ['a sender whose name merely contains daemon', { envelopeFrom: 'daemon.fan@example.com' }],
  ])('lets %s through as a person’s mail', (_name, facts) => {
    expect(automaticMailReason({ ...person, ...facts })).toBeNull();
  });
});
