import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGES, WidgetStore, type StoredMessage } from '../src/storage';

describe('WidgetStore', () => {
  beforeEach(() => localStorage.clear());

  const msgs: StoredMessage[] = [
    { id: 'a', role: 'user', text: 'Open Monday?', ts: 1 },
    {
      id: 'b',
      role: 'bot',
      text: 'No, **closed** on Mondays.',
      ts: 2,
      question: 'Open Monday?',
      citations: [{ path: 'visiting/hours.md', title: 'Hours', domain: 'visiting', score: 0.8, url: null }],
      answered: true,
      messageId: 'm-1',
      feedback: 'up',
    },
    {
      id: 'c',
      role: 'handoff',
      text: '',
      ts: 3,
      handoff: { status: 'open', reason: 'unanswered', question: 'Weddings?', email: 'a@b.co', name: '' },
    },
  ];

  it('saves and restores a conversation per site key', () => {
    const s = new WidgetStore('site-1');
    s.saveConversation({ conversationId: 'conv-1', messages: msgs });
    expect(new WidgetStore('site-1').loadConversation()).toEqual({ conversationId: 'conv-1', messages: msgs });
    expect(new WidgetStore('site-2').loadConversation()).toEqual({ conversationId: null, messages: [] });
    expect(Object.keys(localStorage).some((k) => k.includes('site-1'))).toBe(true);
  });

  it('clears the conversation but keeps the visitor token', () => {
    const s = new WidgetStore('site-1');
    s.saveConversation({ conversationId: 'conv-1', messages: msgs });
    s.saveVisitor({ token: 'tok', expiresAt: null });
    s.clearConversation();
    expect(s.loadConversation().messages).toEqual([]);
    expect(s.loadVisitor()?.token).toBe('tok');
  });

  it('survives corrupt or hostile stored data', () => {
    const s = new WidgetStore('site-1');
    localStorage.setItem('cellardoor:v1:site-1:conversation', '{not json');
    expect(s.loadConversation()).toEqual({ conversationId: null, messages: [] });
    localStorage.setItem(
      'cellardoor:v1:site-1:conversation',
      JSON.stringify({
        conversationId: 5,
        messages: [{ id: 'x', role: 'admin', text: 'x' }, null, { id: 'y', role: 'user', text: 'ok', ts: 1, feedback: 'meh' }, { id: 'z', role: 'handoff' }],
      }),
    );
    expect(s.loadConversation()).toEqual({ conversationId: null, messages: [{ id: 'y', role: 'user', text: 'ok', ts: 1 }] });
  });

  it('keeps only the newest messages', () => {
    const s = new WidgetStore('k');
    const many = Array.from({ length: MAX_MESSAGES + 20 }, (_, i) => ({ id: String(i), role: 'user' as const, text: 't' + i, ts: i }));
    s.saveConversation({ conversationId: null, messages: many });
    const back = s.loadConversation().messages;
    expect(back).toHaveLength(MAX_MESSAGES);
    expect(back[back.length - 1].text).toBe('t' + (MAX_MESSAGES + 19));
  });

  it('drops an expired visitor token', () => {
    const s = new WidgetStore('k');
    s.saveVisitor({ token: 'tok', expiresAt: '2030-01-01T00:00:00Z' });
    expect(s.loadVisitor(Date.parse('2029-12-31T00:00:00Z'))?.token).toBe('tok');
    expect(s.loadVisitor(Date.parse('2030-01-02T00:00:00Z'))).toBeNull();
  });

  it('works in memory when storage is unavailable or throws', () => {
    const broken = {
      getItem() {
        throw new Error('denied');
      },
      setItem() {
        throw new Error('denied');
      },
      removeItem() {
        throw new Error('denied');
      },
    } as unknown as Storage;
    for (const storage of [null, broken]) {
      const s = new WidgetStore('k', storage);
      s.saveConversation({ conversationId: 'c', messages: msgs.slice(0, 1) });
      expect(s.loadConversation().conversationId).toBe('c');
    }
  });
});
