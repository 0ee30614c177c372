import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function sse(events: [string, unknown][], opts: { comments?: boolean } = {}): Response {
  let text = opts.comments ? ': heartbeat\n\n' : '';
  for (const [name, data] of events) text += `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      // Deliberately awkward chunks: split mid-line.
      for (let i = 0; i < bytes.length; i += 17) c.enqueue(bytes.slice(i, i + 17));
      c.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** An event stream the test feeds by hand. */
export function controlledSse(): { response: Response; send(name: string, data: unknown): void; close(): void } {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      ctrl = c;
    },
  });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (name, data) => ctrl.enqueue(enc.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => ctrl.close(),
  };
}

export const CONFIG = {
  siteKey: 'site-1',
  name: 'Hillside Vineyard',
  greeting: 'Welcome to **Hillside**!',
  suggestions: ['When are you open?', 'Do you have a wine club?'],
  theme: 'vineyard',
  locale: null,
  handoff: true,
  strings: { fr: { greeting: 'Bienvenue au domaine !' } },
};

/** A fake server: routes by "METHOD path"; records every call. */
export function fakeServer(routes: Record<string, Handler | Handler[]>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method || 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers || {}) as Record<string, string>));
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method, url, headers, body };
    calls.push(call);
    const path = new URL(url).pathname;
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return m === method && new RegExp('^' + p.replace(/\{[^}]+\}/g, '[^/]+') + '$').test(path);
    });
    if (!key) return json({ title: 'Not found', status: 404 }, 404);
    const r = routes[key];
    const handler = Array.isArray(r) ? (r.length > 1 ? r.shift()! : r[0]) : r;
    return handler(call);
  });
  return { calls, fetch: fetchMock as unknown as typeof fetch };
}

export function defaultRoutes(overrides: Record<string, Handler | Handler[]> = {}): Record<string, Handler | Handler[]> {
  return {
    'GET /api/v1/widget/config': () => json(CONFIG),
    'POST /api/v1/widget/session': () => json({ visitorToken: 'tok-1', expiresAt: '2999-01-01T00:00:00Z' }),
    'POST /api/v1/chat/stream': () =>
      sse(
        [
          ['meta', { conversationId: 'conv-1', domain: 'visiting' }],
          ['token', { text: 'We are open ' }],
          ['token', { text: '**Thursday to Sunday**.' }],
          ['citation', { path: 'visiting/hours.md', title: 'Hours', domain: 'visiting', score: 0.9, url: 'https://hillside.example/hours' }],
          ['citation', { path: 'visiting/directions.md', title: 'Directions', domain: 'visiting', score: 0.5, url: null }],
          ['done', { conversationId: 'conv-1', messageId: 'msg-1', answered: true, domain: 'visiting', answer: 'We are open **Thursday to Sunday**.', usage: {} }],
        ],
        { comments: true },
      ),
    'POST /api/v1/messages/{id}/feedback': () => new Response(null, { status: 204 }),
    'POST /api/v1/handoffs': () => json({ id: 123, message: "Thanks, we'll email you at ana@example.com" }, 201),
    ...overrides,
  };
}
