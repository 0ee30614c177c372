// A local demo: serves a sample host page, the built widget, the themes, and a fake widget API
// (config, session, streamed answers, feedback, handoffs) so the widget can be tried without the
// Java server. Usage: npm run build && npm run demo [-- --port 5178]; then open http://127.0.0.1:5178/
// Query parameters of the page: theme=vineyard|default, locale=en|es|fr, open=1, ask=<question>,
// embed=element (use <cellardoor-chat> instead of the script tag's data-site-key).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const widgetDir = join(here, '..');
const themesDir = join(widgetDir, '..', 'themes');
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 5178;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

const page = (q) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hillside Vineyard (demo host page)</title>
<style>
  /* Hostile host styles: none of these may reach the widget. */
  * { font-family: "Comic Sans MS", cursive !important; color: #0a0 !important; }
  button { background: yellow !important; border: 5px dashed red !important; }
  div { padding: 3px; }
  body { margin: 0; background: #eee; }
  .overlay { position: fixed; inset: auto 0 0 auto; width: 300px; height: 200px; background: rgba(255,0,0,.4); z-index: 2147483647; }
</style></head>
<body>
  <h1>Hillside Vineyard</h1>
  <p>A page with aggressive CSS and an overlay with the maximum z-index (the red box).</p>
  <div class="overlay">page overlay</div>
  <script>window.__globalsBefore = Object.getOwnPropertyNames(window);</script>
  ${q.embed === 'element'
    ? `<cellardoor-chat site-key="demo-site-key" ${q.locale ? `locale="${q.locale}"` : ''}></cellardoor-chat><script src="/widget/cellardoor-widget.js" async></script>`
    : `<script src="/widget/cellardoor-widget.js" data-site-key="demo-site-key" ${q.locale ? `data-locale="${q.locale}"` : ''} async></script>`}
  <script>
    const q = new URLSearchParams(location.search);
    window.addEventListener('load', () => setTimeout(() => {
      if (q.get('open')) window.CellarDoor.open();
      if (q.get('ask')) window.CellarDoor.ask(q.get('ask'));
    }, 300));
  </script>
</body></html>`;

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After', ...headers });
  res.end(body);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stream(res, message, conversationId) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' });
  const ev = (name, data) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  const conv = conversationId || 'demo-' + Date.now();
  const unknown = /dog|pet/i.test(message);
  ev('meta', { conversationId: conv, domain: unknown ? null : 'visiting' });
  res.write(': heartbeat\n\n');
  const answer = unknown
    ? "I'm sorry, I don't know that. You can call us at [+1 845 555 0100](tel:+18455550100)."
    : 'Our **tasting room** is open *Thursday to Sunday*, 11am to 6pm.\n\n- Walk-ins welcome\n- Groups of 8+ please [book ahead](https://example.com/book)\n\nSee `visiting/hours.md` for holidays.';
  for (const word of answer.match(/\S+\s*/g)) {
    ev('token', { text: word });
    await sleep(40);
  }
  if (!unknown) {
    ev('citation', { path: 'visiting/hours.md', title: 'Opening hours', domain: 'visiting', score: 0.91, url: 'https://example.com/hours' });
    ev('citation', { path: 'visiting/groups.md', title: 'Group visits', domain: 'visiting', score: 0.55, url: null });
  }
  ev('done', { conversationId: conv, messageId: 'm-' + Date.now(), answered: !unknown, domain: 'visiting', answer, usage: {} });
  res.end();
}

async function body(req) {
  let s = '';
  for await (const c of req) s += c;
  try {
    return JSON.parse(s || '{}');
  } catch {
    return {};
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (req.method === 'OPTIONS') {
    return send(res, 204, '', {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Content-Type, X-Site-Key, X-Visitor-Token',
    });
  }
  try {
    if (p === '/' || p === '/index.html') return send(res, 200, page(Object.fromEntries(url.searchParams)), { 'Content-Type': TYPES['.html'] });
    if (p === '/widget/cellardoor-widget.js') return send(res, 200, await readFile(join(widgetDir, 'dist', 'cellardoor-widget.js')), { 'Content-Type': TYPES['.js'] });
    if (p.startsWith('/widget/themes/')) {
      const name = normalize(p.slice('/widget/themes/'.length)).replace(/^(\.\.[/\\])+/, '');
      return send(res, 200, await readFile(join(themesDir, name)), { 'Content-Type': TYPES[extname(name)] || 'text/plain' });
    }
    const referer = new URL(req.headers.referer || 'http://x/');
    if (p === '/api/v1/widget/config') {
      return send(res, 200, JSON.stringify({
        siteKey: 'demo-site-key', name: 'Hillside Vineyard', greeting: 'Welcome to **Hillside Vineyard**! Ask me about wines, tastings or visiting.',
        suggestions: ['When is the tasting room open?', 'Can I bring my dog?', 'Talk to a person'],
        theme: referer.searchParams.get('theme') || 'vineyard', locale: null, handoff: true,
        strings: { fr: { greeting: 'Bienvenue au domaine Hillside !' } },
      }), { 'Content-Type': 'application/json' });
    }
    if (p === '/api/v1/widget/session') {
      const b = await body(req);
      return send(res, 200, JSON.stringify({ visitorToken: b.visitorToken || 'visitor-' + Date.now(), expiresAt: new Date(Date.now() + 864e5).toISOString() }), { 'Content-Type': 'application/json' });
    }
    if (p === '/api/v1/chat/stream') {
      const b = await body(req);
      if (/slow down/i.test(b.message)) {
        return send(res, 429, JSON.stringify({ type: 'https://cellardoor.io/problems/rate-limited', title: 'Too many requests', status: 429 }), { 'Content-Type': 'application/problem+json', 'Retry-After': '15' });
      }
      return stream(res, b.message || '', b.conversationId);
    }
    if (/^\/api\/v1\/messages\/[^/]+\/feedback$/.test(p)) return send(res, 204, '');
    if (p === '/api/v1/handoffs') {
      const b = await body(req);
      if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(b.email || '')) {
        return send(res, 400, JSON.stringify({ type: 'https://cellardoor.io/problems/invalid-email', title: 'Invalid email', status: 400 }), { 'Content-Type': 'application/problem+json' });
      }
      return send(res, 201, JSON.stringify({ id: 1, message: `Thanks, we'll email you at ${b.email}` }), { 'Content-Type': 'application/json' });
    }
    send(res, 404, JSON.stringify({ title: 'Not found', status: 404 }), { 'Content-Type': 'application/problem+json' });
  } catch (e) {
    send(res, 500, JSON.stringify({ title: String(e), status: 500 }), { 'Content-Type': 'application/problem+json' });
  }
}).listen(port, '127.0.0.1', () => console.log(`Cellar Door widget demo on http://127.0.0.1:${port}/`));
