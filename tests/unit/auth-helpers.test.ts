import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  generateSessionToken,
  sessionIdFromToken
} from '#lib/server/auth/tokens.ts';
import { signInSchema } from '#lib/schemas/auth.ts';
import { sessionCookieName } from '#lib/server/auth/cookies.ts';
import { hashPassword, verifyPassword } from '#lib/server/auth/passwords.ts';

describe('session tokens', () => {
  it('are 160-bit base32 strings, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('hash to a known SHA-256 hex id', () => {
    // sha256("abc") from FIPS 180-2
    expect(sessionIdFromToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
  });

  it('generated passwords are 20 base32 characters', () => {
    expect(generatePassword()).toMatch(/^[a-z2-7]{20}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});

describe('passwords', () => {
  it('hash with argon2id and verify only the same password (NFC-normalised)', async () => {
    const hash = await hashPassword('Caf\u00e9 au lait 2027');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'Cafe\u0301 au lait 2027')).toBe(true);
    expect(await verifyPassword(hash, 'cafe au lait 2027')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('sign-in input', () => {
  it.each([
    [{ email: '', password: 'x' }, 'email', 'Enter your email address'],
    [{ email: 'a@b', password: '' }, 'password', 'Enter your password'],
    [{ email: 'not-an-email', password: 'x' }, 'email', 'correct format'],
    [{ email: `${'a'.repeat(320)}@b.c`, password: 'x' }, 'email', '320 characters'],
    [{ email: 'a@b', password: 'p'.repeat(1025) }, 'password', '1024 characters'],
    [{}, 'email', 'Enter your email address']
  ])('%j is refused on %s', (input, field, message) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it('accepts unicode and trims the email', () => {
    const result = signInSchema.safeParse({ email: '  zoë@council.example ', password: 'пароль' });
    expect(result.success && result.data.email).toBe('zoë@council.example');
  });
});

describe('session cookie name', () => {
  it('uses the __Host- prefix only over HTTPS', () => {
    expect(sessionCookieName(new URL('https://vd.example/'))).toBe('__Host-vd_session');
    expect(sessionCookieName(new URL('http://localhost:3000/'))).toBe('vd_session');
  });
});
