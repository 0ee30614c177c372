import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Widget } from '../src/widget';
import { CONFIG, controlledSse, defaultRoutes, fakeServer, json, type Handler } from './helpers';

const BASE = 'https://chat.example.com';
let widgets: Widget[] = [];

function make(routes: Record<string, Handler | Handler[]> = defaultRoutes(), opts: { locale?: string } = {}) {
  const server = fakeServer(routes);
  const w = new Widget({ siteKey: 'site-1', apiBase: BASE, fetch: server.fetch, revealTimeout: 10, ...opts });
  widgets.push(w);
  const $ = <T extends Element = HTMLElement>(id: string) => w.shadow.querySelector<T & Element>(`[data-testid="${id}"]`) as unknown as T;
  const $$ = (id: string) => [...w.shadow.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  return { w, server, $, $$ };
}

async function until(cond: () => unknown, timeout = 2000) {
  await vi.waitFor(
    () => {
      if (!cond()) throw new Error('not yet');
    },
    { timeout },
  );
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function ask(t: ReturnType<typeof make>, q: string) {
  type(t.$('input'), q);
  t.$<HTMLButtonElement>('send').click();
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  widgets.forEach((w) => w.destroy());
  widgets = [];
  vi.useRealTimers();
});

describe('Widget shell', () => {
  it('mounts an isolated shadow host with an accessible launcher', async () => {
    const t = make();
    expect(t.w.host.parentElement).toBe(document.body);
    expect(t.w.shadow.mode).toBe('open');
    const style = t.w.host.style;
    expect(style.position).toBe('fixed');
    expect(style.zIndex).toBe('2147483647');
    const launcher = t.$<HTMLButtonElement>('launcher');
    expect(launcher.tagName).toBe('BUTTON');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('aria-label')).toBe('Open chat');
    const panel = t.$('panel');
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-modal')).toBe('false');
    expect(panel.getAttribute('popover')).toBe('manual');
    const title = t.w.shadow.getElementById(panel.getAttribute('aria-labelledby')!)!;
    await until(() => title.textContent === 'Hillside Vineyard');
    expect(t.$('messages').getAttribute('role')).toBe('log');
    expect(t.$('messages').getAttribute('aria-live')).toBe('polite');
  });

  it('applies the config: greeting, suggestions and theme stylesheet', async () => {
    const t = make();
    await until(() => t.$$('suggestion').length === 2);
    expect(t.$('greeting').querySelector('strong')!.textContent).toBe('Hillside');
    const link = t.w.shadow.querySelector('link[rel="stylesheet"]')!;
    expect(link.getAttribute('href')).toBe(`${BASE}/widget/themes/vineyard.css`);
    expect(t.server.calls[0].headers['X-Site-Key']).toBe('site-1');
  });

  it('says in its privacy notice how to ask for your data, in the locale, with your reference', async () => {
    const routes = defaultRoutes();
    routes['POST /api/v1/widget/session'] = () =>
      json({ visitorToken: 'tok-1', expiresAt: '2999-01-01T00:00:00Z', visitorId: 'v-123' });
    const t = make(routes);
    await until(() => t.$('privacy-notice'));
    expect(t.$('privacy-notice').textContent).toContain('have it deleted');
    await ask(t, 'Hello?');
    await until(() => t.$('privacy-reference').textContent!.includes('v-123'));
    const fr = make(defaultRoutes(), { locale: 'fr' });
    await until(() => fr.$('privacy-notice'));
    expect(fr.$('privacy-notice').textContent).toContain('effacer');
  });

  it('uses the explicit locale and per-locale overrides', async () => {
    const t = make(defaultRoutes(), { locale: 'fr' });
    await until(() => t.$('greeting').textContent === 'Bienvenue au domaine !');
    expect(t.$('launcher').getAttribute('aria-label')).toBe('Ouvrir le chat');
    expect(t.$('send').getAttribute('aria-label')).toBe('Envoyer');
  });

  it('opens and closes with focus management and Escape', async () => {
    const t = make();
    t.$<HTMLButtonElement>('launcher').click();
    expect(t.$('panel').hasAttribute('data-open')).toBe(true);
    expect(t.$('launcher').getAttribute('aria-expanded')).toBe('true');
    expect(t.w.shadow.activeElement).toBe(t.$('input'));
    t.$('input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(t.$('panel').hasAttribute('data-open')).toBe(false);
    expect(t.$('launcher').getAttribute('aria-expanded')).toBe('false');
    expect(t.w.shadow.activeElement).toBe(t.$('launcher'));
  });

  it('hides itself when the origin is not allowed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = make(
      defaultRoutes({
        'GET /api/v1/widget/config': () =>
          json({ type: 'https://cellardoor.io/problems/origin-not-allowed', title: 'Origin not allowed', status: 403 }, 403),
      }),
    );
    await until(() => t.w.configState === 'unavailable');
    expect(t.w.host.style.display).toBe('none');
    expect(warn.mock.calls[0][0]).toContain('not allowed');
    t.w.open();
    expect(t.w.isOpen).toBe(false);
  });
});

describe('Chatting', () => {
  it('streams an answer with citations, session headers and feedback controls', async () => {
    const t = make();
    t.w.open();
    await ask(t, 'When are you open?');
    await until(() => t.$('feedback'));
    const [user, bot] = t.$$('message');
    expect(user.dataset.role).toBe('user');
    expect(user.textContent).toContain('When are you open?');
    expect(bot.dataset.role).toBe('bot');
    expect(bot.hasAttribute('aria-busy')).toBe(false);
    expect(bot.querySelector('strong')!.textContent).toBe('Thursday to Sunday');
    const cites = t.$$('citation');
    expect(cites.map((c) => c.tagName)).toEqual(['A', 'SPAN']);
    expect(cites[0].getAttribute('href')).toBe('https://hillside.example/hours');
    expect(cites[0].getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(cites[1].textContent).toBe('Directions');

    const session = t.server.calls.find((c) => c.url.endsWith('/session'))!;
    expect(session.body).toEqual({ visitorToken: null });
    const chat = t.server.calls.find((c) => c.url.endsWith('/chat/stream'))!;
    expect(chat.body).toEqual({ message: 'When are you open?', conversationId: null });
    expect(chat.headers['X-Visitor-Token']).toBe('tok-1');
    expect(chat.headers['X-Site-Key']).toBe('site-1');
    expect(t.$$('suggestions')[0]?.hidden ?? true).toBe(true);

    // The next question carries the conversation id.
    await ask(t, 'And on Monday?');
    await until(() => t.$$('feedback').length === 2);
    const second = t.server.calls.filter((c) => c.url.endsWith('/chat/stream'))[1];
    expect(second.body).toEqual({ message: 'And on Monday?', conversationId: 'conv-1' });
  });

  it('marks the streaming message busy and renders tokens as they arrive', async () => {
    const stream = controlledSse();
    const t = make(defaultRoutes({ 'POST /api/v1/chat/stream': () => stream.response }));
    t.w.open();
    await ask(t, 'Hi');
    await until(() => t.$$('message').length === 2);
    const bot = t.$$('message')[1];
    expect(bot.getAttribute('aria-busy')).toBe('true');
    expect(t.$<HTMLButtonElement>('send').disabled).toBe(true);
    stream.send('token', { text: 'Hello ' });
    stream.send('token', { text: 'there' });
    await until(() => bot.textContent!.includes('Hello there'));
    expect(bot.getAttribute('aria-busy')).toBe('true');
    stream.send('done', { conversationId: 'c', messageId: 7, answered: true });
    stream.close();
    await until(() => !bot.hasAttribute('aria-busy'));
    expect(t.$<HTMLButtonElement>('send').disabled).toBe(false);
  });

  it('sends a suggestion when its chip is clicked', async () => {
    const t = make();
    await until(() => t.$$('suggestion').length);
    t.$$('suggestion')[1].click();
    await until(() => t.$('feedback'));
    expect(t.server.calls.find((c) => c.url.endsWith('/chat/stream'))!.body).toMatchObject({ message: 'Do you have a wine club?' });
  });

  it('restores the conversation after a reload and clears it on "new conversation"', async () => {
    const t = make();
    await ask(t, 'When are you open?');
    await until(() => t.$('feedback'));
    t.w.destroy();

    const t2 = make();
    const restored = t2.$$('message');
    expect(restored.map((m) => m.dataset.role)).toEqual(['user', 'bot']);
    expect(restored[1].dataset.messageId).toBe('msg-1');
    expect(t2.$$('citation')).toHaveLength(2);
    expect(t2.w.conv.conversationId).toBe('conv-1');
    // The stored visitor token is reused.
    t2.w.open();
    await until(() => t2.server.calls.some((c) => c.url.endsWith('/session')));
    expect(t2.server.calls.find((c) => c.url.endsWith('/session'))!.body).toEqual({ visitorToken: 'tok-1' });

    t2.$<HTMLButtonElement>('new-conversation').click();
    expect(t2.$$('message')).toHaveLength(0);
    expect(t2.w.conv.conversationId).toBeNull();
    expect(make().$$('message')).toHaveLength(0);
  });
});

describe('Feedback', () => {
  it('sends thumbs up and thanks the visitor', async () => {
    const t = make();
    await ask(t, 'Open?');
    await until(() => t.$('thumbs-up'));
    t.$<HTMLButtonElement>('thumbs-up').click();
    await until(() => t.$('feedback-thanks'));
    expect(t.$('feedback-thanks').textContent).toBe('Thanks for the feedback');
    const call = t.server.calls.find((c) => c.url.includes('/feedback'))!;
    expect(call.url).toBe(`${BASE}/api/v1/messages/msg-1/feedback`);
    expect(call.body).toEqual({ rating: 'up' });
    expect(t.$('thumbs-up').getAttribute('aria-pressed')).toBe('true');
  });

  it('opens a comment box on thumbs down and sends the comment', async () => {
    const t = make();
    await ask(t, 'Open?');
    await until(() => t.$('thumbs-down'));
    t.$<HTMLButtonElement>('thumbs-down').click();
    const box = t.$<HTMLTextAreaElement>('feedback-comment');
    expect(box).toBeTruthy();
    expect(t.w.shadow.activeElement).toBe(box);
    const label = t.w.shadow.querySelector(`label[for="${box.id}"]`);
    expect(label?.textContent).toContain('optional');
    type(box, 'Wrong hours');
    t.$<HTMLButtonElement>('feedback-submit').click();
    await until(() => t.$('feedback-thanks'));
    expect(t.server.calls.find((c) => c.url.includes('/feedback'))!.body).toEqual({ rating: 'down', comment: 'Wrong hours' });
    expect(t.$('feedback-comment')).toBeNull();
  });

  it('keeps the comment when sending fails', async () => {
    const t = make(defaultRoutes({ 'POST /api/v1/messages/{id}/feedback': () => json({ title: 'Oops', status: 500 }, 500) }));
    await ask(t, 'Open?');
    await until(() => t.$('thumbs-down'));
    t.$<HTMLButtonElement>('thumbs-down').click();
    type(t.$('feedback-comment'), 'Keep me');
    t.$<HTMLButtonElement>('feedback-submit').click();
    await until(() => t.w.shadow.querySelector('.feedback .form-error:not([hidden])'));
    expect(t.$<HTMLTextAreaElement>('feedback-comment').value).toBe('Keep me');
    expect(t.$<HTMLButtonElement>('feedback-submit').disabled).toBe(false);
  });
});

describe('Errors', () => {
  it('offers Retry after a network failure and resends the same question', async () => {
    let first = true;
    const t = make(
      defaultRoutes({
        'POST /api/v1/chat/stream': (call) => {
          if (first) {
            first = false;
            throw new TypeError('Failed to fetch');
          }
          return defaultRoutes()['POST /api/v1/chat/stream'] instanceof Function
            ? (defaultRoutes()['POST /api/v1/chat/stream'] as Handler)(call)
            : json({}, 500);
        },
      }),
    );
    await ask(t, 'Open?');
    await until(() => t.$('error'));
    expect(t.$('error').getAttribute('role')).toBe('alert');
    expect(t.$('error').textContent).toContain("couldn't reach");
    expect(t.$$('message').map((m) => m.dataset.role)).toEqual(['user']);
    t.$<HTMLButtonElement>('retry').click();
    await until(() => t.$('feedback'));
    expect(t.$('error')).toBeNull();
    expect(t.$$('message').map((m) => m.dataset.role)).toEqual(['user', 'bot']);
    const chats = t.server.calls.filter((c) => c.url.endsWith('/chat/stream'));
    expect(chats.map((c) => (c.body as { message: string }).message)).toEqual(['Open?', 'Open?']);
  });

  it('honours Retry-After on 429 and disables sending meanwhile', async () => {
    const t = make(
      defaultRoutes({
        'POST /api/v1/chat/stream': () =>
          json({ type: 'https://cellardoor.io/problems/rate-limited', title: 'Too many requests', status: 429 }, 429, { 'Retry-After': '2' }),
      }),
    );
    await ask(t, 'Open?');
    await until(() => t.$('error'));
    expect(t.$('error').textContent).toContain("You're sending messages too quickly. Try again in 2 s.");
    expect(t.$<HTMLButtonElement>('send').disabled).toBe(true);
    expect(t.$<HTMLButtonElement>('retry').disabled).toBe(true);
    await until(() => !t.$<HTMLButtonElement>('retry').disabled, 5000);
    expect(t.$<HTMLButtonElement>('send').disabled).toBe(false);
  }, 10000);

  it('says when the quota is reached', async () => {
    const t = make(
      defaultRoutes({
        'POST /api/v1/chat/stream': () =>
          json({ type: 'https://cellardoor.io/problems/quota-exceeded', title: 'Quota', status: 429 }, 429, { 'Retry-After': '60' }),
      }),
    );
    await ask(t, 'Open?');
    await until(() => t.$('error'));
    expect(t.$('error').textContent).toContain("We've reached our limit for now. Try again in 60 s.");
  });

  it('reports server errors and error events with Retry', async () => {
    for (const route of [
      () => json({ title: 'Boom', status: 503 }, 503),
      () =>
        new Response('event: token\ndata: {"text":"Par"}\n\nevent: error\ndata: {"type":"about:blank","title":"Generator failed"}\n\n', {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
    ]) {
      localStorage.clear();
      const t = make(defaultRoutes({ 'POST /api/v1/chat/stream': route }));
      await ask(t, 'Open?');
      await until(() => t.$('error'));
      expect(t.$('error').textContent).toContain('Something went wrong on our side');
      expect(t.$('retry')).toBeTruthy();
      expect(t.$$('message')).toHaveLength(1);
      t.w.destroy();
    }
  });

  it('renews an expired visitor session once', async () => {
    let n = 0;
    const t = make(
      defaultRoutes({
        'POST /api/v1/widget/session': () => json({ visitorToken: `tok-${++n}`, expiresAt: null }),
        'POST /api/v1/chat/stream': [
          () => json({ title: 'Expired', status: 401 }, 401),
          defaultRoutes()['POST /api/v1/chat/stream'] as Handler,
        ],
      }),
    );
    await ask(t, 'Open?');
    await until(() => t.$('feedback'));
    const chats = t.server.calls.filter((c) => c.url.endsWith('/chat/stream'));
    expect(chats.map((c) => c.headers['X-Visitor-Token'])).toEqual(['tok-1', 'tok-2']);
  });
});

describe('Handoff', () => {
  const unanswered = () =>
    new Response(
      'event: meta\ndata: {"conversationId":"conv-9"}\n\nevent: token\ndata: {"text":"I don\'t know, call us."}\n\nevent: done\ndata: {"conversationId":"conv-9","messageId":"m9","answered":false}\n\n',
      { headers: { 'Content-Type': 'text/event-stream' } },
    );

  it('offers the card when the answer is declined, validates the email and shows the acknowledgement', async () => {
    const t = make(defaultRoutes({ 'POST /api/v1/chat/stream': unanswered }));
    await ask(t, 'Can I bring my dog?');
    await until(() => t.$('handoff-card'));
    expect(t.$$('message')[1].dataset.answered).toBe('false');
    expect(t.$<HTMLTextAreaElement>('handoff-question').value).toBe('Can I bring my dog?');
    const email = t.$<HTMLInputElement>('handoff-email');
    expect(t.w.shadow.querySelector(`label[for="${email.id}"]`)!.textContent).toBe('Email');

    type(email, 'not-an-email');
    t.$<HTMLButtonElement>('handoff-submit').click();
    await until(() => !t.$('handoff-email-error').hidden);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(t.$('handoff-email-error').id);
    expect(t.server.calls.some((c) => c.url.endsWith('/handoffs'))).toBe(false);

    type(email, 'ana@example.com');
    type(t.$('handoff-name'), 'Ana');
    t.$<HTMLButtonElement>('handoff-submit').click();
    await until(() => t.$('handoff-ack'));
    expect(t.$('handoff-ack').textContent).toBe("Thanks, we'll email you at ana@example.com");
    expect(t.server.calls.find((c) => c.url.endsWith('/handoffs'))!.body).toEqual({
      conversationId: 'conv-9',
      question: 'Can I bring my dog?',
      email: 'ana@example.com',
      name: 'Ana',
    });
    // Survives a reload as sent.
    t.w.destroy();
    expect(make().$('handoff-ack').textContent).toContain('ana@example.com');
  });

  it('offers the card when the visitor asks for a person, prefilled with the previous question', async () => {
    const t = make();
    await ask(t, 'Do you host weddings?');
    await until(() => t.$('feedback'));
    expect(t.$('handoff-card')).toBeNull();
    await ask(t, 'Can I talk to a human?');
    await until(() => t.$('handoff-card'));
    expect(t.$<HTMLTextAreaElement>('handoff-question').value).toBe('Do you host weddings?');
  });

  it('keeps what was typed when sending fails, and maps invalid-email from the server', async () => {
    const t = make(
      defaultRoutes({
        'POST /api/v1/chat/stream': unanswered,
        'POST /api/v1/handoffs': [
          () => json({ title: 'Boom', status: 500 }, 500),
          () => json({ type: 'https://cellardoor.io/problems/invalid-email', title: 'Invalid email', status: 400 }, 400),
        ],
      }),
    );
    await ask(t, 'Dogs?');
    await until(() => t.$('handoff-card'));
    type(t.$('handoff-email'), 'ana@example.com');
    t.$<HTMLButtonElement>('handoff-submit').click();
    await until(() => !t.$('handoff-error').hidden);
    expect(t.$<HTMLInputElement>('handoff-email').value).toBe('ana@example.com');
    expect(t.$<HTMLButtonElement>('handoff-submit').disabled).toBe(false);
    t.$<HTMLButtonElement>('handoff-submit').click();
    await until(() => !t.$('handoff-email-error').hidden);
    expect(t.$('handoff-email').getAttribute('aria-invalid')).toBe('true');
  });

  it('"No thanks" dismisses the card; config can turn handoff off', async () => {
    const t = make(defaultRoutes({ 'POST /api/v1/chat/stream': unanswered }));
    await ask(t, 'Dogs?');
    await until(() => t.$('handoff-card'));
    t.$<HTMLButtonElement>('handoff-decline').click();
    expect(t.$('handoff-card')).toBeNull();
    expect(t.w.shadow.activeElement).toBe(t.$('input'));

    localStorage.clear();
    const off = make(
      defaultRoutes({ 'GET /api/v1/widget/config': () => json({ ...CONFIG, handoff: false }), 'POST /api/v1/chat/stream': unanswered }),
    );
    await until(() => off.w.configState === 'ok');
    await ask(off, 'Can I talk to a human?');
    await until(() => off.$$('message').length === 2 && !off.$$('message')[1].hasAttribute('aria-busy'));
    expect(off.$('handoff-card')).toBeNull();
  });
});
