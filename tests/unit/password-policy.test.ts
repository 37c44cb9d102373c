import { describe, expect, it } from 'vitest';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '#lib/domain/password-policy.ts';

describe('passwordProblem', () => {
  it.each([
    ['', 'Enter a password'],
    ['short', `${PASSWORD_MIN_LENGTH} characters or more`],
    ['elevenchars', `${PASSWORD_MIN_LENGTH} characters or more`],
    ['Password1234', 'too common'],
    ['PASSWORD1234', 'too common'],
    ['qwertyuiop12', 'too common'],
    ['aaaaaaaaaaaaaaaa', 'too common'],
    ['abababababab', 'too common'],
    ['123456789012', 'too common'],
    ['7890123456789', 'too common'],
    ['abcdefghijklmn', 'too common'],
    ['zyxwvutsrqponm', 'too common'],
    ['x'.repeat(257), '256 characters or fewer']
  ])('%j → %s', (password, message) => {
    expect(passwordProblem(password)).toContain(message);
  });

  it.each([
    'twelve chars',
    'correct staple horse battery',
    'Ünïcödé pässwörd 2027',
    '🦊🦊🦊🦊🦊🦊 fox den',
    'lorem ipsum '.repeat(30).slice(0, 256)
  ])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('counts characters, not UTF-16 units: eleven emoji are still too short', () => {
    expect(passwordProblem('🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔')).toContain('characters or more');
  });

  it('refuses a password built on the email address', () => {
    expect(passwordProblem('sam.jones-2027!', { email: 'sam.jones@council.example' })).toContain(
      'email address'
    );
    expect(
      passwordProblem('a perfectly fine one', { email: 'sam.jones@council.example' })
    ).toBeNull();
  });
});
