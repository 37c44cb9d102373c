import { describe, expect, it } from 'vitest';
import { commentParagraphs, commentPieces } from '#lib/domain/review/index.ts';

describe('commentPieces', () => {
  const cases = [
    { name: 'plain text', body: 'Looks fine', pieces: [{ kind: 'text', text: 'Looks fine' }] },
    {
      name: 'a link mid-sentence, full stop left out',
      body: 'See https://example.org/plan.',
      pieces: [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'https://example.org/plan', href: 'https://example.org/plan' },
        { kind: 'text', text: '.' }
      ]
    },
    {
      name: 'markup stays text',
      body: '<script>alert(1)</script><b>x</b>',
      pieces: [{ kind: 'text', text: '<script>alert(1)</script><b>x</b>' }]
    },
    {
      name: 'javascript: is never a link',
      body: 'javascript:alert(1) and data:text/html,hi',
      pieces: [{ kind: 'text', text: 'javascript:alert(1) and data:text/html,hi' }]
    },
    {
      name: 'a link cannot swallow a quote or angle bracket',
      body: 'http://a.example/"onmouseover="x',
      pieces: [
        { kind: 'link', text: 'http://a.example/', href: 'http://a.example/' },
        { kind: 'text', text: '"onmouseover="x' }
      ]
    },
    {
      name: 'http and https, in brackets',
      body: '(http://a.example) HTTPS://B.example/x',
      pieces: [
        { kind: 'text', text: '(' },
        { kind: 'link', text: 'http://a.example', href: 'http://a.example/' },
        { kind: 'text', text: ') ' },
        { kind: 'link', text: 'HTTPS://B.example/x', href: 'https://b.example/x' }
      ]
    },
    { name: 'no host is no link', body: 'http://', pieces: [{ kind: 'text', text: 'http://' }] }
  ];
  it.each(cases)('$name', ({ body, pieces }) => {
    expect(commentPieces(body)).toEqual(pieces);
  });
});

describe('commentParagraphs', () => {
  it('splits on blank lines, whatever the line endings', () => {
    expect(commentParagraphs('One\r\n\r\nTwo\nstill two\n\n\n')).toEqual([
      [{ kind: 'text', text: 'One' }],
      [{ kind: 'text', text: 'Two\nstill two' }]
    ]);
  });
});
