/** The widget's HTTP client. */
import { readSse, parseSse, type SseEvent } from './sse';
import type {
  DoneEvent,
  HandoffRequest,
  HandoffResponse,
  Problem,
  Rating,
  SessionResponse,
  WidgetConfig,
} from './types';

export type ApiErrorKind = 'network' | 'http' | 'stream';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status = 0,
    readonly problem: Problem | null = null,
    /** Seconds, from Retry-After (429/503). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The problem type's last path segment, e.g. "origin-not-allowed". */
  get code(): string {
    const t = this.problem?.type;
    return typeof t === 'string' ? t.replace(/\/+$/, '').split('/').pop() || '' : '';
  }
}

/** Parses Retry-After: delta seconds or an HTTP date. */
export function parseRetryAfter(v: string | null, now: number = Date.now()): number | null {
  if (!v) return null;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.ceil((t - now) / 1000));
}

export interface StreamHandlers {
  onEvent(name: string, data: unknown): void;
}

type FetchLike = typeof fetch;

export class Api {
  /** The visitor token from the session call, sent on every later call. */
  token: string | null = null;
  /** The widget's UI language, sent as Accept-Language so the server's refusals speak it. */
  language: string | null = null;

  constructor(
    readonly base: string,
    readonly siteKey: string,
    private readonly fetchImpl: FetchLike = (...a) => fetch(...a),
  ) {}

  private url(path: string): string {
    return this.base.replace(/\/+$/, '') + path;
  }

  private headers(json: boolean, accept = 'application/json'): Record<string, string> {
    const h: Record<string, string> = { Accept: accept, 'X-Site-Key': this.siteKey };
    if (json) h['Content-Type'] = 'application/json';
    if (this.token) h['X-Visitor-Token'] = this.token;
    if (this.language) h['Accept-Language'] = this.language;
    return h;
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    accept = 'application/json',
  ): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers: this.headers(body !== undefined, accept),
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        mode: 'cors',
        signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new ApiError('network', (e as Error)?.message || 'Network error');
    }
    if (!res.ok) throw await toApiError(res);
    return res;
  }

  private async json<T>(res: Response): Promise<T> {
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError('http', 'Malformed response', res.status);
    }
  }

  async config(): Promise<WidgetConfig> {
    return this.json<WidgetConfig>(await this.request('GET', '/api/v1/widget/config'));
  }

  async session(visitorToken: string | null): Promise<SessionResponse> {
    const r = await this.json<SessionResponse>(await this.request('POST', '/api/v1/widget/session', { visitorToken }));
    if (!r || typeof r.visitorToken !== 'string' || !r.visitorToken) throw new ApiError('http', 'No visitor token', 200);
    return r;
  }

  /**
   * Streams an answer. Calls onEvent(name, parsedData) for meta, token, citation, done and error
   * events. Resolves when the stream ends; rejects with ApiError on HTTP or network failure.
   */
  async stream(
    body: { message: string; conversationId: string | null },
    onEvent: (name: string, data: unknown) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const res = await this.request('POST', '/api/v1/chat/stream', body, signal, 'text/event-stream');
    const type = res.headers.get('Content-Type') || '';
    const deliver = (ev: SseEvent) => {
      let data: unknown = ev.data;
      try {
        data = JSON.parse(ev.data);
      } catch {
        /* plain text data is passed as is */
      }
      onEvent(ev.event, data);
    };
    if (type.includes('application/json')) {
      // A server (or proxy) that answered without streaming: replay it as events.
      const r = await this.json<DoneEvent & { citations?: unknown[] }>(res);
      onEvent('meta', { conversationId: r.conversationId, domain: r.domain });
      if (r.answer) onEvent('token', { text: r.answer });
      for (const c of r.citations || []) onEvent('citation', c);
      onEvent('done', r);
      return;
    }
    try {
      if (res.body && typeof res.body.getReader === 'function') await readSse(res.body, deliver);
      else parseSse(await res.text()).forEach(deliver);
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new ApiError('network', (e as Error)?.message || 'Stream interrupted');
    }
  }

  async feedback(messageId: string | number, rating: Rating, comment?: string): Promise<void> {
    const body: { rating: Rating; comment?: string } = { rating };
    if (comment && comment.trim()) body.comment = comment.trim();
    await this.request('POST', `/api/v1/messages/${encodeURIComponent(String(messageId))}/feedback`, body);
  }

  async handoff(req: HandoffRequest): Promise<HandoffResponse> {
    const res = await this.request('POST', '/api/v1/handoffs', req);
    if (res.status === 204) return {};
    try {
      return (await res.json()) as HandoffResponse;
    } catch {
      return {};
    }
  }
}

export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const text = await res.text();
    if (text) {
      const p = JSON.parse(text);
      if (p && typeof p === 'object') problem = p as Problem;
    }
  } catch {
    /* not JSON */
  }
  let retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  if (retryAfter === null && problem && typeof problem.retryAfter === 'number') retryAfter = problem.retryAfter;
  const msg = (problem && (problem.detail || problem.title)) || `HTTP ${res.status}`;
  return new ApiError('http', String(msg), res.status, problem, retryAfter);
}
