/**
 * A small, spec-following parser for `text/event-stream` (WHATWG HTML, "Server-sent events").
 * Feed it decoded text in arbitrary chunks; lines and events may be split anywhere, including
 * between the CR and LF of a CRLF pair.
 */

export interface SseEvent {
  /** The `event:` field, `message` when absent. */
  event: string;
  /** All `data:` lines joined by `\n`. */
  data: string;
  id?: string;
  retry?: number;
}

export class SseParser {
  private buf = '';
  private sawCR = false;
  private started = false;
  private eventType = '';
  private data: string[] = [];
  private hasData = false;
  private lastId: string | undefined;
  private retry: number | undefined;

  /** Feeds a chunk of text; returns the events completed by it. */
  push(chunk: string): SseEvent[] {
    const out: SseEvent[] = [];
    if (!chunk) return out;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let text = chunk;
    // A CR at the end of the previous chunk already ended its line; skip the LF of that CRLF.
    if (this.sawCR && text[0] === '\n') text = text.slice(1);
    this.sawCR = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || c === '\r') {
        this.line(this.buf + text.slice(start, i), out);
        this.buf = '';
        if (c === '\r') {
          if (i + 1 < text.length) {
            if (text[i + 1] === '\n') i++;
          } else {
            this.sawCR = true;
          }
        }
        start = i + 1;
      }
    }
    this.buf += text.slice(start);
    return out;
  }

  /**
   * Ends the stream. The specification discards an unterminated last event; we are lenient and
   * dispatch it when it carries data, so a server that forgets the final blank line still works.
   */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.buf) {
      this.line(this.buf, out);
      this.buf = '';
    }
    this.dispatch(out);
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line[0] === ':') return; // comment, e.g. ": heartbeat"
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value[0] === ' ') value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasData) {
      const ev: SseEvent = { event: this.eventType || 'message', data: this.data.join('\n') };
      if (this.lastId !== undefined) ev.id = this.lastId;
      if (this.retry !== undefined) ev.retry = this.retry;
      out.push(ev);
    }
    this.eventType = '';
    this.data = [];
    this.hasData = false;
  }
}

/** Reads a fetch body as server-sent events, decoding UTF-8 across chunk boundaries. */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (ev: SseEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const ev of parser.push(decoder.decode(value, { stream: true }))) onEvent(ev);
    }
    for (const ev of parser.push(decoder.decode())) onEvent(ev);
    for (const ev of parser.end()) onEvent(ev);
  } finally {
    try {
      reader.releaseLock();
    } catch {
      /* already released */
    }
  }
}

/** Parses a whole event-stream text at once. */
export function parseSse(text: string): SseEvent[] {
  const p = new SseParser();
  return [...p.push(text), ...p.end()];
}
