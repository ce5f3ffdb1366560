import fc from 'fast-check';
import { firstUnreadableQueryParameter } from './query-encoding.hook';

describe('firstUnreadableQueryParameter', () => {
  it('names the parameter whose escapes are not UTF-8 or not escapes at all', () => {
    for (const bad of ['%FF', '%', '%G1', '%E2%82', '%C0%AF', '%ED%A0%80', 'caf%E9']) expect(firstUnreadableQueryParameter(`/api/v1/practices?status=published&q=${bad}`)).toBe('q');
    expect(firstUnreadableQueryParameter('/api/v1/practices?na%FFme=x')).toBe('na%FFme');
    expect(firstUnreadableQueryParameter('/api/v1/practices?q=caf%C3%A9&status=published%')).toBe('status');
  });

  it('passes every query whose names and values are encoded from text, with encodeURIComponent or as a form does', () => {
    const pairs = fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), { maxLength: 5 });
    fc.assert(
      fc.property(pairs, fc.boolean(), (given, asForm) => {
        const encode = (text: string) => (asForm ? encodeURIComponent(text).replaceAll('%20', '+') : encodeURIComponent(text));
        const query = given.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
        expect(firstUnreadableQueryParameter(`/api/v1/practices?${query}`)).toBeUndefined();
      }),
    );
  });
});
