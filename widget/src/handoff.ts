/** Detects a visitor asking for a person (English, Spanish, French), and validates e-mail. */

/** Lower-cases, strips accents and punctuation (apostrophes become spaces), collapses spaces. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const GAP = '(?:\\s+\\S+){0,4}?\\s+';

// A verb of contact, a few words, then someone who is a person.
const VERB_NOUN: RegExp[] = [
  // English
  new RegExp(
    '\\b(?:talk|speak|chat|connect|transfer|reach|contact|get hold of|get me|put me through|hand me over|pass me)' +
      GAP +
      '(?:human|humans|person|someone|somebody|anyone|anybody|staff|agent|representative|rep|operator|employee|manager|team member|member of (?:your |the )?staff|sommelier)\\b',
  ),
  // Spanish
  new RegExp(
    '\\b(?:hablar|comunicarme|contactar|conversar|charlar|pasarme|pasame|ponerme en contacto|comunicar|atienda|atiende|atender)' +
      GAP +
      '(?:persona|personas|humano|humana|alguien|agente|empleado|empleada|personal|representante|operador|operadora|encargado|encargada)\\b',
  ),
  // French
  new RegExp(
    '\\b(?:parler|discuter|contacter|joindre|mettre en relation|passer|echanger)' +
      GAP +
      '(?:quelqu un|personne|humain|humaine|agent|conseiller|conseillere|employe|employee|membre du personnel|operateur|operatrice|vendeur|vendeuse|responsable|sommelier)\\b',
  ),
];

const PHRASES =
  /\b(?:real (?:person|human|people)|live (?:person|agent|chat|human)|human (?:agent|being|person|support)|actual (?:person|human)|customer (?:service|support) (?:agent|representative|rep)|persona real|persona de verdad|ser humano|un humano|una persona real|agente humano|vraie personne|personne reelle|etre humain|un humain|agent humain|conseiller humain)\b/;

// A short message that is essentially the request: "agent", "human please", "staff?", "un humano".
const SHORT_NOUNS =
  /\b(?:human|humans|agent|operator|representative|staff|person|someone|humano|agente|operador|persona|alguien|humain|conseiller|operateur|quelqu un)\b/;
const SHORT_NOT = /\b(?:staff picks?|per person|por persona|par personne)\b/;

/** True when the message asks to talk to a person rather than the assistant. */
export function detectHandoffIntent(message: string): boolean {
  const t = normaliseText(message || '');
  if (!t) return false;
  if (PHRASES.test(t)) return true;
  if (VERB_NOUN.some((r) => r.test(t))) return true;
  const words = t.split(' ');
  return words.length <= 4 && SHORT_NOUNS.test(t) && !SHORT_NOT.test(t);
}

/** The question to prefill in the handoff form: the message itself unless it is only the request. */
export function pickHandoffQuestion(message: string, previousQuestion: string | null | undefined): string {
  const msg = (message || '').trim();
  if (!detectHandoffIntent(msg)) return msg;
  const words = normaliseText(msg).split(' ').filter(Boolean).length;
  if (words > 9) return msg; // "Can I talk to someone about booking a tasting for 12 people in May?"
  return (previousQuestion || '').trim();
}

const EMAIL_RE = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]_]+\.[^\s@"<>(),;:\\[\]_.]{2,}$/;

/** A pragmatic e-mail check: local@domain.tld, no spaces, at most 254 characters. */
export function isValidEmail(email: string | null | undefined): boolean {
  if (typeof email !== 'string') return false;
  const e = email.trim();
  if (e.length > 254 || !EMAIL_RE.test(e)) return false;
  const [, domain] = e.split('@');
  return !domain.split('.').some((label) => !label || label.startsWith('-') || label.endsWith('-'));
}
