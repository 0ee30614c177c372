import { describe, expect, it } from 'vitest';
import { parseSse, readSse, SseParser, type SseEvent } from '../src/sse';

const STREAM =
  ': heartbeat\n\n' +
  'event: meta\ndata: {"conversationId":"c1","domain":"wine"}\n\n' +
  'event: token\ndata: {"text":"Hel"}\n\n' +
  'event: token\ndata: {"text":"lo é 🍷"}\n\n' +
  'event: citation\ndata: {"path":"wine/red.md","title":"Red","url":null}\n\n' +
  'event: done\ndata: {"conversationId":"c1","messageId":"m1","answered":true}\n\n';

function collect(chunks: string[]): SseEvent[] {
  const p = new SseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...p.push(c));
  out.push(...p.end());
  return out;
}

describe('SseParser', () => {
  it('parses named events and ignores comments', () => {
    const events = parseSse(STREAM);
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'token', 'citation', 'done']);
    expect(JSON.parse(events[1].data)).toEqual({ text: 'Hel' });
  });

  it('gives the same events however the text is split', () => {
    const whole = parseSse(STREAM);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < STREAM.length; i += size) chunks.push(STREAM.slice(i, i + size));
      expect(collect(chunks)).toEqual(whole);
    }
  });

  it('handles CRLF and CR line endings, including CRLF split across chunks', () => {
    expect(collect(['event: token\r', '\ndata: a\r\n\r', '\n'])).toEqual([{ event: 'token', data: 'a' }]);
    expect(collect(['data: x\r\rdata: y\r\r'])).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
  });

  it('joins multi-line data, strips one leading space, keeps ids and retry', () => {
    expect(collect(['id: 7\nretry: 3000\ndata:  two spaces\ndata:b\n\n'])).toEqual([
      { event: 'message', data: ' two spaces\nb', id: '7', retry: 3000 },
    ]);
  });

  it('does not dispatch events without data, and strips a BOM', () => {
    expect(collect(['\uFEFFevent: ping\n\n: only a comment\n\n'])).toEqual([]);
    expect(collect(['\uFEFFdata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('dispatches a final event that lacks the closing blank line', () => {
    expect(collect(['event: done\ndata: {}'])).toEqual([{ event: 'done', data: '{}' }]);
  });
});

describe('readSse', () => {
  it('decodes UTF-8 split across byte chunks', async () => {
    const bytes = new TextEncoder().encode(STREAM);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const out: SseEvent[] = [];
    await readSse(body, (e) => out.push(e));
    expect(out).toEqual(parseSse(STREAM));
    expect(JSON.parse(out[2].data).text).toBe('lo é 🍷');
  });
});
