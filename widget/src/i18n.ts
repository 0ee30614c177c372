/** UI strings and locale choice. */

export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  defaultTitle: 'Chat',
  greeting: 'Hi! How can I help you today?',
  newConversation: 'New conversation',
  close: 'Close',
  conversation: 'Conversation',
  inputLabel: 'Type your question',
  placeholder: 'Ask a question…',
  send: 'Send',
  you: 'You said:',
  assistant: 'Assistant said:',
  suggestions: 'Suggested questions',
  sources: 'Sources',
  thinking: 'Thinking…',
  wasHelpful: 'Was this answer helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  commentLabel: 'What could we do better? (optional)',
  sendFeedback: 'Send feedback',
  feedbackThanks: 'Thanks for the feedback',
  feedbackError: "We couldn't send your feedback. Please try again.",
  errorNetwork: "We couldn't reach the server. Check your connection and try again.",
  errorServer: 'Something went wrong on our side. Please try again.',
  errorRateLimit: "You're sending messages too quickly. Try again in {s} s.",
  errorQuota: "We've reached our limit for now. Try again in {s} s.",
  errorTooLong: 'Your message is too long. Please shorten it and try again.',
  errorBadRequest: "We couldn't process that message.",
  errorUnavailable: "This chat isn't available on this site.",
  retry: 'Retry',
  retryIn: 'Retry in {s} s',
  handoffTitle: 'Leave your question with our team',
  handoffUnanswered: "I couldn't find an answer to that. Leave your email and a person from our team will reply.",
  handoffRequested: "Happy to put you in touch. Leave your email and a person from our team will reply.",
  handoffQuestion: 'Your question',
  handoffEmail: 'Email',
  handoffName: 'Name (optional)',
  handoffSend: 'Send',
  handoffDecline: 'No thanks',
  handoffSending: 'Sending…',
  handoffEmailInvalid: 'Enter a valid email address, like name@example.com.',
  handoffQuestionMissing: 'Enter your question.',
  handoffError: "We couldn't send your question. Your details are still here, please try again.",
  handoffAck: "Thanks, we'll reply by email.",
  privacyNotice:
    'Privacy: we keep questions for up to 180 days, with email addresses, phone and card numbers masked. To get a copy of your data or have it deleted, ask the team (leave a message here or use the contact on this site) and quote your reference.',
  privacyReference: 'Your reference: {id}',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;

export const es: Strings = {
  openChat: 'Abrir el chat',
  closeChat: 'Cerrar el chat',
  defaultTitle: 'Chat',
  greeting: '¡Hola! ¿En qué puedo ayudarte hoy?',
  newConversation: 'Nueva conversación',
  close: 'Cerrar',
  conversation: 'Conversación',
  inputLabel: 'Escribe tu pregunta',
  placeholder: 'Haz una pregunta…',
  send: 'Enviar',
  you: 'Tú dijiste:',
  assistant: 'El asistente dijo:',
  suggestions: 'Preguntas sugeridas',
  sources: 'Fuentes',
  thinking: 'Pensando…',
  wasHelpful: '¿Te resultó útil esta respuesta?',
  helpful: 'Útil',
  notHelpful: 'No es útil',
  commentLabel: '¿Qué podríamos mejorar? (opcional)',
  sendFeedback: 'Enviar comentario',
  feedbackThanks: 'Gracias por tu opinión',
  feedbackError: 'No pudimos enviar tu opinión. Inténtalo de nuevo.',
  errorNetwork: 'No pudimos conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  errorServer: 'Algo salió mal por nuestra parte. Inténtalo de nuevo.',
  errorRateLimit: 'Estás enviando mensajes demasiado rápido. Inténtalo de nuevo en {s} s.',
  errorQuota: 'Hemos alcanzado nuestro límite por ahora. Inténtalo de nuevo en {s} s.',
  errorTooLong: 'Tu mensaje es demasiado largo. Acórtalo e inténtalo de nuevo.',
  errorBadRequest: 'No pudimos procesar ese mensaje.',
  errorUnavailable: 'Este chat no está disponible en este sitio.',
  retry: 'Reintentar',
  retryIn: 'Reintentar en {s} s',
  handoffTitle: 'Deja tu pregunta a nuestro equipo',
  handoffUnanswered: 'No encontré una respuesta. Deja tu correo y una persona de nuestro equipo te responderá.',
  handoffRequested: 'Con gusto te ponemos en contacto. Deja tu correo y una persona de nuestro equipo te responderá.',
  handoffQuestion: 'Tu pregunta',
  handoffEmail: 'Correo electrónico',
  handoffName: 'Nombre (opcional)',
  handoffSend: 'Enviar',
  handoffDecline: 'No, gracias',
  handoffSending: 'Enviando…',
  handoffEmailInvalid: 'Escribe un correo válido, como nombre@ejemplo.com.',
  handoffQuestionMissing: 'Escribe tu pregunta.',
  handoffError: 'No pudimos enviar tu pregunta. Tus datos siguen aquí; inténtalo de nuevo.',
  handoffAck: 'Gracias, te responderemos por correo.',
  privacyNotice:
    'Privacidad: guardamos las preguntas hasta 180 días, con los correos, teléfonos y números de tarjeta ocultos. Para obtener una copia de tus datos o pedir que se borren, pídelo al equipo (deja un mensaje aquí o usa el contacto de este sitio) e indica tu referencia.',
  privacyReference: 'Tu referencia: {id}',
};

export const fr: Strings = {
  openChat: 'Ouvrir le chat',
  closeChat: 'Fermer le chat',
  defaultTitle: 'Chat',
  greeting: 'Bonjour ! Comment puis-je vous aider ?',
  newConversation: 'Nouvelle conversation',
  close: 'Fermer',
  conversation: 'Conversation',
  inputLabel: 'Écrivez votre question',
  placeholder: 'Posez une question…',
  send: 'Envoyer',
  you: 'Vous avez dit :',
  assistant: "L'assistant a dit :",
  suggestions: 'Questions suggérées',
  sources: 'Sources',
  thinking: 'Réflexion…',
  wasHelpful: 'Cette réponse vous a-t-elle aidé ?',
  helpful: 'Utile',
  notHelpful: 'Pas utile',
  commentLabel: 'Que pourrions-nous améliorer ? (facultatif)',
  sendFeedback: "Envoyer l'avis",
  feedbackThanks: 'Merci pour votre avis',
  feedbackError: "Nous n'avons pas pu envoyer votre avis. Veuillez réessayer.",
  errorNetwork: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  errorServer: 'Un problème est survenu de notre côté. Veuillez réessayer.',
  errorRateLimit: 'Vous envoyez des messages trop rapidement. Réessayez dans {s} s.',
  errorQuota: 'Nous avons atteint notre limite pour le moment. Réessayez dans {s} s.',
  errorTooLong: 'Votre message est trop long. Raccourcissez-le et réessayez.',
  errorBadRequest: "Nous n'avons pas pu traiter ce message.",
  errorUnavailable: "Ce chat n'est pas disponible sur ce site.",
  retry: 'Réessayer',
  retryIn: 'Réessayer dans {s} s',
  handoffTitle: 'Laissez votre question à notre équipe',
  handoffUnanswered: "Je n'ai pas trouvé de réponse. Laissez votre e-mail et un membre de notre équipe vous répondra.",
  handoffRequested: 'Avec plaisir. Laissez votre e-mail et un membre de notre équipe vous répondra.',
  handoffQuestion: 'Votre question',
  handoffEmail: 'E-mail',
  handoffName: 'Nom (facultatif)',
  handoffSend: 'Envoyer',
  handoffDecline: 'Non merci',
  handoffSending: 'Envoi…',
  handoffEmailInvalid: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.com.',
  handoffQuestionMissing: 'Saisissez votre question.',
  handoffError: "Nous n'avons pas pu envoyer votre question. Vos informations sont conservées, veuillez réessayer.",
  handoffAck: 'Merci, nous vous répondrons par e-mail.',
  privacyNotice:
    "Confidentialité : nous gardons les questions 180 jours au plus, adresses e-mail, numéros de téléphone et de carte masqués. Pour obtenir une copie de vos données ou les faire effacer, demandez-le à l'équipe (laissez un message ici ou utilisez le contact de ce site) en indiquant votre référence.",
  privacyReference: 'Votre référence : {id}',
};

export const BUILT_IN: Record<string, Strings> = { en, es, fr };

/** "fr-CA" -> "fr", "ES" -> "es"; null for junk. */
export function normaliseLocale(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Chooses the UI locale: the embed's explicit locale (data-locale / locale attribute), else the
 * site's configured locale, else the browser's preferred languages in order, else English. Each
 * candidate counts only if it is available (built in, or given strings by the site's config).
 */
export function chooseLocale(
  explicit: string | null | undefined,
  configLocale: string | null | undefined,
  browser: readonly string[] | null | undefined,
  available: readonly string[] = Object.keys(BUILT_IN),
): string {
  const candidates = [explicit, configLocale, ...(browser || [])];
  for (const c of candidates) {
    const l = normaliseLocale(c);
    if (l && available.includes(l)) return l;
  }
  return 'en';
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(nav: Navigator | undefined = typeof navigator !== 'undefined' ? navigator : undefined): string[] {
  if (!nav) return [];
  const list = Array.isArray(nav.languages) && nav.languages.length ? [...nav.languages] : [];
  if (nav.language && !list.includes(nav.language)) list.push(nav.language);
  return list;
}

/** The strings for a locale: built-in (English for unknown locales) overlaid with the site's overrides. */
export function stringsFor(locale: string, overrides?: Record<string, unknown> | null): Strings {
  const base: Strings = { ...en, ...(BUILT_IN[locale] || {}) };
  if (overrides) {
    for (const k of Object.keys(en) as StringKey[]) {
      const v = overrides[k];
      if (typeof v === 'string' && v.trim()) base[k] = v;
    }
  }
  return base;
}

/** Replaces {name} placeholders. */
export function format(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
