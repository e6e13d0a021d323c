import { unreadableTextPath } from './unreadable-text.js';

describe('text no part of the system can take', () => {
  it('names the first string holding a NUL character or a lone surrogate, by its path', () => {
    expect(unreadableTextPath({ subject: 'ok', fields: [{ name: 'a' }, { name: 'b\u0000' }] })).toBe('fields.1.name');
    expect(unreadableTextPath({ email: 'x\uD800@example.com' })).toBe('email');
    expect(unreadableTextPath('\uDC00')).toBe('');
  });

  it('passes well-formed text, emoji (surrogate pairs) included, and values that are not text', () => {
    const input = Object.assign(Object.create(null), { title: 'Ω 😀 👩‍👩‍👧', count: 3, tags: ['a', null], nested: { ok: true } });
    expect(unreadableTextPath(input)).toBeNull();
  });

  it('walks only plain objects and arrays, not class instances such as a request', () => {
    class Request {
      body = 'a\u0000b';
    }
    expect(unreadableTextPath({ req: new Request() })).toBeNull();
  });
});
