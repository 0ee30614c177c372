import { describe, expect, it } from 'vitest';
import { BUILT_IN, chooseLocale, duration, en, format, normaliseLocale, stringsFor } from '../src/i18n';

describe('chooseLocale', () => {
  it('prefers the explicit attribute', () => {
    expect(chooseLocale('fr', 'es', ['en-US'])).toBe('fr');
    expect(chooseLocale('es-MX', null, ['fr'])).toBe('es');
  });

  it('falls back to the site config, then the browser, then English', () => {
    expect(chooseLocale(null, 'es', ['fr-FR'])).toBe('es');
    expect(chooseLocale(undefined, null, ['fr-CA', 'en'])).toBe('fr');
    expect(chooseLocale(null, null, ['de-DE', 'es'])).toBe('es');
    expect(chooseLocale(null, null, ['de-DE'])).toBe('en');
    expect(chooseLocale(null, null, [])).toBe('en');
  });

  it('skips unsupported or malformed candidates', () => {
    expect(chooseLocale('xx', 'zz', ['fr'])).toBe('fr');
    expect(chooseLocale('  ', '!!', null)).toBe('en');
  });

  it('accepts locales the site configured strings for', () => {
    expect(chooseLocale('de', null, [], ['en', 'es', 'fr', 'de'])).toBe('de');
  });
});

describe('strings', () => {
  it('has every key in every built-in locale', () => {
    for (const [locale, strings] of Object.entries(BUILT_IN)) {
      expect(Object.keys(strings).sort(), locale).toEqual(Object.keys(en).sort());
      for (const v of Object.values(strings)) expect(typeof v === 'string' && v.length > 0, locale).toBe(true);
    }
  });

  it('overlays site overrides and falls back to English for unknown locales', () => {
    const fr = stringsFor('fr', { greeting: 'Bienvenue au domaine !', send: 42, nope: 'x' });
    expect(fr.greeting).toBe('Bienvenue au domaine !');
    expect(fr.send).toBe('Envoyer');
    expect(stringsFor('de').send).toBe('Send');
    expect(stringsFor('de', { send: 'Senden' }).send).toBe('Senden');
  });

  it('normalises tags and formats placeholders', () => {
    expect(normaliseLocale('pt_BR')).toBe('pt');
    expect(normaliseLocale('EN')).toBe('en');
    expect(normaliseLocale(null)).toBeNull();
    expect(format('Try again in {s} s ({x})', { s: 12 })).toBe('Try again in 12 s ({x})');
  });
});

describe('duration', () => {
  it('puts a wait in words, rounded up, in the widget language', () => {
    expect(duration(45, 'en')).toBe('45 s');
    expect(duration(61, 'en')).toBe('2 min');
    expect(duration(3600, 'fr')).toBe('1 h');
    expect(duration(7201, 'en')).toBe('3 h');
    expect(duration(86400, 'en')).toBe('1 day');
    expect(duration(86400 * 3, 'es')).toBe('3 días');
    expect(duration(86400, 'fr')).toBe('1 jour');
  });
});
