/**
 * A tiny markdown -> DOM renderer for chat answers. It builds nodes with createElement and
 * textContent only (never innerHTML), so any HTML in the text shows as text. Supported:
 * paragraphs (single newlines become <br>), **bold** / __bold__, *italic* / _italic_, `code`,
 * fenced code blocks, bullet and numbered lists (nested by indentation), headings (rendered as
 * bold paragraphs), blockquotes, horizontal rules, [links](url), <url> and bare https URLs and
 * e-mail addresses. Links are made only for https, mailto and tel URLs; anything else renders
 * as plain text. Images are never loaded: ![alt](url) renders as its alt text (the server also
 * strips images and links to foreign sites from answers, see docs/privacy-and-security.md).
 */

export const LINK_PROTOCOLS = ['https:', 'mailto:', 'tel:'];
export const LINK_REL = 'noopener noreferrer nofollow';

/** Returns the normalised URL when it is absolute and uses an allowed protocol, else null. */
export function safeUrl(raw: string | null | undefined, protocols: string[] = LINK_PROTOCOLS): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  // Control characters or inner whitespace are a classic way to smuggle "java\tscript:".
  if (!s || /[\u0000-\u0020\u007f]/.test(s)) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null; // relative or malformed
  }
  if (!protocols.includes(u.protocol)) return null;
  if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname) return null;
  return u.href;
}

type Doc = Document;

function el<K extends keyof HTMLElementTagNameMap>(doc: Doc, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function link(doc: Doc, href: string): HTMLAnchorElement {
  const a = el(doc, 'a');
  a.href = href;
  a.target = '_blank';
  a.rel = LINK_REL;
  return a;
}

const PUNCT = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const URL_RE = /https?:\/\/[^\s<>]+/y;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/** Trims trailing punctuation from a bare URL, keeping a ')' that closes a '(' inside it. */
function trimUrl(u: string): string {
  for (;;) {
    const last = u[u.length - 1];
    if (/[.,;:!?'"*_]/.test(last)) {
      u = u.slice(0, -1);
    } else if (last === ')' && (u.match(/\(/g) || []).length < (u.match(/\)/g) || []).length) {
      u = u.slice(0, -1);
    } else {
      return u;
    }
  }
}

/** Finds the index of the bracket closing the one at `open`, honouring nesting and escapes. */
function matchBracket(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
    } else if (ch === o) {
      depth++;
    } else if (ch === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Renders inline markdown into `parent`. */
export function renderInline(text: string, parent: Node, doc: Doc = document): void {
  let buf = '';
  const flush = () => {
    if (buf) {
      parent.appendChild(doc.createTextNode(buf));
      buf = '';
    }
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    const prev = i > 0 ? text[i - 1] : '';

    if (ch === '\\' && i + 1 < n && PUNCT.test(text[i + 1])) {
      buf += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let j = text.indexOf(fence, i + run);
      while (j !== -1 && text[j + run] === '`') j = text.indexOf(fence, j + run + 1);
      if (j !== -1) {
        let code = text.slice(i + run, j);
        if (code.length > 1 && code[0] === ' ' && code[code.length - 1] === ' ' && code.trim()) code = code.slice(1, -1);
        flush();
        parent.appendChild(el(doc, 'code', code));
        i = j + run;
        continue;
      }
      buf += fence;
      i += run;
      continue;
    }

    if (ch === '*' || ch === '_') {
      let run = 1;
      while (text[i + run] === ch) run++;
      // "_" inside a word (snake_case) is never emphasis.
      const intraword = ch === '_' && WORD.test(prev);
      if (!intraword && !/\s/.test(text[i + (run >= 2 ? 2 : 1)] || ' ')) {
        if (run >= 2) {
          const d = ch + ch;
          let j = text.indexOf(d, i + 2);
          // Close at the end of a delimiter run, so ***x*** is <strong><em>x</em></strong>.
          while (j !== -1 && text[j + 2] === ch) j++;
          if (j !== -1 && j > i + 2 && !/\s/.test(text[j - 1]) && !(ch === '_' && WORD.test(text[j + 2] || ''))) {
            flush();
            const strong = el(doc, 'strong');
            renderInline(text.slice(i + 2, j), strong, doc);
            parent.appendChild(strong);
            i = j + 2;
            continue;
          }
        }
        if (run === 1 || run >= 3) {
          // Single delimiter: find a closing one that is not part of a double.
          let j = i + 1;
          let found = -1;
          while ((j = text.indexOf(ch, j)) !== -1) {
            if (text[j + 1] === ch) {
              j += 2;
              continue;
            }
            if (!/\s/.test(text[j - 1]) && !(ch === '_' && WORD.test(text[j + 1] || ''))) {
              found = j;
              break;
            }
            j++;
          }
          if (found > i + 1) {
            flush();
            const em = el(doc, 'em');
            renderInline(text.slice(i + 1, found), em, doc);
            parent.appendChild(em);
            i = found + 1;
            continue;
          }
        }
      }
      buf += ch.repeat(run);
      i += run;
      continue;
    }

    if (ch === '!' && text[i + 1] === '[') {
      // An image: never loaded, its alt text shown instead (no request leaves the page).
      const close = matchBracket(text, i + 1, '[', ']');
      if (close !== -1 && (text[close + 1] === '(' || text[close + 1] === '[')) {
        const end = matchBracket(text, close + 1, text[close + 1], text[close + 1] === '(' ? ')' : ']');
        if (end !== -1) {
          flush();
          renderInline(text.slice(i + 2, close), parent, doc);
          i = end + 1;
          continue;
        }
      }
    }

    if (ch === '[') {
      const close = matchBracket(text, i, '[', ']');
      if (close !== -1 && text[close + 1] === '(') {
        const end = matchBracket(text, close + 1, '(', ')');
        if (end !== -1) {
          const label = text.slice(i + 1, close);
          let target = text.slice(close + 2, end).trim();
          // Drop an optional title: [x](url "title"), and <angle> brackets around the URL.
          const titled = /^(\S+)\s+["'(].*["')]$/.exec(target);
          if (titled) target = titled[1];
          if (target[0] === '<' && target[target.length - 1] === '>') target = target.slice(1, -1);
          const href = safeUrl(target);
          flush();
          if (href) {
            const a = link(doc, href);
            renderInline(label || target, a, doc);
            parent.appendChild(a);
          } else {
            renderInline(label, parent, doc); // unsafe or relative target: the label as text
          }
          i = end + 1;
          continue;
        }
      }
    }

    if (ch === '<') {
      const close = text.indexOf('>', i + 1);
      if (close !== -1) {
        const inner = text.slice(i + 1, close);
        const href = /^(https:|mailto:|tel:)/i.test(inner) ? safeUrl(inner) : null;
        if (href) {
          flush();
          const a = link(doc, href);
          a.textContent = inner.replace(/^mailto:/i, '');
          parent.appendChild(a);
          i = close + 1;
          continue;
        }
      }
    }

    if ((ch === 'h' || ch === 'H') && !WORD.test(prev)) {
      URL_RE.lastIndex = i;
      const m = URL_RE.exec(text);
      if (m) {
        const raw = trimUrl(m[0]);
        const href = safeUrl(raw);
        if (href) {
          flush();
          const a = link(doc, href);
          a.textContent = raw;
          parent.appendChild(a);
          i += raw.length;
          continue;
        }
      }
    }

    if (WORD.test(ch) && !/[\p{L}\p{N}._%+-]/u.test(prev)) {
      EMAIL_RE.lastIndex = i;
      const m = EMAIL_RE.exec(text);
      if (m) {
        const href = safeUrl('mailto:' + m[0]);
        if (href) {
          flush();
          const a = link(doc, href);
          a.textContent = m[0];
          parent.appendChild(a);
          i += m[0].length;
          continue;
        }
      }
    }

    buf += ch;
    i++;
  }
  flush();
}

const LIST_RE = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HEADING_RE = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const HR_RE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE_RE = /^\s{0,3}(```+|~~~+)/;
const QUOTE_RE = /^\s{0,3}>\s?(.*)$/;

interface ListFrame {
  list: HTMLOListElement | HTMLUListElement;
  indent: number;
  ordered: boolean;
  li: HTMLLIElement | null;
}

/** Renders markdown text as a DocumentFragment of safe DOM nodes. */
export function renderMarkdown(src: string, doc: Doc = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const lines = (src || '').replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let quote: string[] = [];
  let lists: ListFrame[] = [];

  const inlineLines = (parts: string[], parent: Node) => {
    parts.forEach((line, k) => {
      if (k > 0) parent.appendChild(el(doc, 'br'));
      renderInline(line, parent, doc);
    });
  };
  const endPara = () => {
    if (para.length) {
      const p = el(doc, 'p');
      inlineLines(para, p);
      frag.appendChild(p);
      para = [];
    }
  };
  const endQuote = () => {
    if (quote.length) {
      const q = el(doc, 'blockquote');
      const p = el(doc, 'p');
      inlineLines(quote, p);
      q.appendChild(p);
      frag.appendChild(q);
      quote = [];
    }
  };
  const endLists = () => {
    lists = [];
  };
  const endAll = () => {
    endPara();
    endQuote();
    endLists();
  };

  for (let idx = 0; idx < lines.length; idx++) {
    const line = lines[idx];

    const fence = FENCE_RE.exec(line);
    if (fence) {
      endAll();
      const marker = fence[1];
      const code: string[] = [];
      idx++;
      while (idx < lines.length && !lines[idx].trim().startsWith(marker)) code.push(lines[idx++]);
      const pre = el(doc, 'pre');
      pre.appendChild(el(doc, 'code', code.join('\n')));
      frag.appendChild(pre);
      continue;
    }

    if (!line.trim()) {
      endPara();
      endQuote();
      // A blank line inside a list only ends it if the next line is not another item.
      const next = lines.slice(idx + 1).find((l) => l.trim());
      if (!next || !LIST_RE.test(next)) endLists();
      continue;
    }

    if (HR_RE.test(line)) {
      endAll();
      frag.appendChild(el(doc, 'hr'));
      continue;
    }

    const heading = HEADING_RE.exec(line);
    if (heading) {
      endAll();
      const p = el(doc, 'p');
      p.className = 'md-h';
      const strong = el(doc, 'strong');
      renderInline(heading[2], strong, doc);
      p.appendChild(strong);
      frag.appendChild(p);
      continue;
    }

    const item = LIST_RE.exec(line);
    if (item) {
      endPara();
      endQuote();
      const indent = item[1].replace(/\t/g, '    ').length;
      const ordered = /\d/.test(item[2]);
      while (lists.length && indent < lists[lists.length - 1].indent) lists.pop();
      let top = lists[lists.length - 1];
      if (top && indent > top.indent + 1 && top.li) {
        const nested = el(doc, ordered ? 'ol' : 'ul');
        top.li.appendChild(nested);
        top = { list: nested, indent, ordered, li: null };
        lists.push(top);
      } else if (!top || top.ordered !== ordered) {
        if (top) lists.pop();
        const list = el(doc, ordered ? 'ol' : 'ul');
        if (ordered) {
          const startNo = parseInt(item[2], 10);
          if (startNo !== 1) list.setAttribute('start', String(startNo));
        }
        (lists.length ? lists[lists.length - 1].li ?? frag : frag).appendChild(list);
        top = { list, indent, ordered, li: null };
        lists.push(top);
      }
      const li = el(doc, 'li');
      renderInline(item[3], li, doc);
      top.list.appendChild(li);
      top.li = li;
      continue;
    }

    const q = QUOTE_RE.exec(line);
    if (q) {
      endPara();
      endLists();
      quote.push(q[1]);
      continue;
    }

    if (lists.length && /^\s+/.test(line)) {
      // Continuation of the last list item.
      const li = lists[lists.length - 1].li;
      if (li) {
        li.appendChild(el(doc, 'br'));
        renderInline(line.trim(), li, doc);
        continue;
      }
    }

    endQuote();
    endLists();
    para.push(line.trim());
  }
  endAll();
  return frag;
}
