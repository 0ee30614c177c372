import { describe, expect, it } from 'vitest';
import { detectHandoffIntent, isValidEmail, pickHandoffQuestion } from '../src/handoff';

describe('detectHandoffIntent', () => {
  it.each([
    'Can I talk to a human?',
    'I want to speak with someone',
    'talk to a person please',
    'Is there a real person I can chat with?',
    'connect me to an agent',
    'Could I speak to a member of staff?',
    'staff',
    'Agent!',
    'human please',
    'I need a live agent',
    'Can I talk to someone about booking a wedding for 80 guests?',
    'Quiero hablar con una persona',
    '¿Puedo hablar con alguien?',
    'necesito hablar con un humano',
    'Je voudrais parler à quelqu’un',
    "Puis-je parler à quelqu'un ?",
    'Je veux parler à un conseiller',
    'une vraie personne svp',
  ])('detects %s', (msg) => {
    expect(detectHandoffIntent(msg)).toBe(true);
  });

  it.each([
    'What time do you open on Sunday?',
    'How much is a tasting per person?',
    'How many people can attend a private tasting?',
    'Do you have a dry Riesling under $30?',
    'Tell me about the wine club',
    'Which wines are staff picks?',
    '¿A qué hora abren el sábado?',
    '¿Cuánto cuesta la cata por persona?',
    'Quels vins rouges avez-vous ?',
    'Combien de personnes pour une dégustation ?',
    '',
  ])('ignores %s', (msg) => {
    expect(detectHandoffIntent(msg)).toBe(false);
  });
});

describe('pickHandoffQuestion', () => {
  it('uses the previous question when the message is only the request', () => {
    expect(pickHandoffQuestion('Can I talk to a human?', 'Do you host weddings?')).toBe('Do you host weddings?');
    expect(pickHandoffQuestion('human', null)).toBe('');
  });

  it('uses the message itself when it carries a question', () => {
    expect(pickHandoffQuestion('Do you host weddings?', 'x')).toBe('Do you host weddings?');
    const long = 'Can I talk to someone about booking a wedding for 80 guests in June?';
    expect(pickHandoffQuestion(long, 'x')).toBe(long);
  });
});

describe('isValidEmail', () => {
  it.each(['ana@example.com', 'a.b+tag@mail.example.co.uk', ' ana@example.com ', 'jean-luc@vins.fr'])('accepts %s', (e) => {
    expect(isValidEmail(e)).toBe(true);
  });

  it.each(['', 'ana', 'ana@', '@example.com', 'ana@example', 'ana@example.c', 'ana @example.com', 'ana@exa mple.com', 'a@b@c.com', 'ana@-x.com', 'ana@x..com', null])(
    'rejects %s',
    (e) => {
      expect(isValidEmail(e as string)).toBe(false);
    },
  );
});
