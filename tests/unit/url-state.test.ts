import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState } from '../../src/app/url-state.ts';

describe('URL state', () => {
  it('defaults to Persian with no notice', () => {
    expect(parseUrlState('')).toEqual({ lang: 'fa', notices: [] });
  });

  it('reads a valid language', () => {
    expect(parseUrlState('?lang=en').lang).toBe('en');
  });

  it('falls back to the default with a notice on a bad language', () => {
    expect(parseUrlState('?lang=<script>')).toEqual({ lang: 'fa', notices: ['notice.badLang'] });
  });

  it('round-trips the language and keeps parameters it does not own', () => {
    const search = writeUrlState('?foo=1&lang=fa', { lang: 'en' });
    expect(new URLSearchParams(search).get('foo')).toBe('1');
    expect(parseUrlState(search).lang).toBe('en');
  });
});
