/**
 * Every string of the interface, in English. Another language is a file of
 * the same shape (`satisfies Messages`) registered in translate.ts. Values
 * may hold {placeholders}.
 */
export const en = {
  'app.name': 'Consenso',
  'app.tagline': 'Negotiate a declaration together, clause by clause.',
  'landing.needLink': 'Open the link you were given by the secretariat to join a declaration.',
  'landing.noLink': 'Each delegation has its own link. If you have lost yours, ask the secretariat for it.',

  'session.loading': 'Opening the declaration…',
  'session.invalidLink.title': 'This link does not work',
  'session.invalidLink.body': 'The link is not valid or has been revoked. Ask the secretariat for a new one.',
  'session.notFound.title': 'Declaration not found',
  'session.notFound.body': 'There is no declaration at this address. Check the link you were given.',
  'session.failed.title': 'The declaration could not be opened',
  'session.failed.body': 'The server did not answer. Check your connection; the page will try again.',
  'session.retry': 'Try again',

  'role.chair': 'Chair',
  'role.secretariat': 'Secretariat',
  'role.delegation': 'Delegation',
  'role.observer': 'Observer',

  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': 'Offline',
  'connection.saved': 'All changes saved',
  'connection.saving': 'Saving {count} {count, plural, one {edit} other {edits}}…',
  'connection.pendingOffline': '{count} {count, plural, one {edit} other {edits}} will be sent when the connection returns',
  'connection.closed.invalid-token': 'Your link no longer works. Ask the secretariat for a new one. Your text on this screen is kept until you close it.',
  'connection.closed.unknown-declaration': 'This declaration no longer exists on the server.',
  'connection.closed.forbidden': 'You are not allowed to edit this declaration.',
  'connection.closed.malformed-message': 'The server could not read a message from this page. Reload the page to continue.',
  'connection.closed.message-too-large': 'A change was too large to send. Reload the page; if it happens again, tell the secretariat.',
  'connection.closed.unknown': 'The server closed the connection ({code}). Reload the page to continue.',
  'connection.reload': 'Reload',

  'presence.label': 'Who is here',
  'presence.you': '{name} (you)',
  'presence.editing': '{name} is editing',

  'part.preamble': 'Preamble',
  'part.operative': 'Operative part',
  'part.signatures': 'Signatures',
  'meta.conference.placeholder': 'Conference',
  'meta.title.placeholder': 'Title of the declaration',
  'meta.subtitle.placeholder': 'Approved by … held in … on …',
  'meta.chapeau.placeholder': 'Who speaks, e.g. "The Ministers of Defence …,"',
  'meta.formula.placeholder': 'Formula, e.g. "Declare:"',
  'meta.note.placeholder': 'Note (optional)',
  'meta.note.label': 'Note:',

  'clause.placeholder.preamble': 'Preambular paragraph, e.g. "Recognizing that …,"',
  'clause.placeholder.operative': 'Operative paragraph, e.g. "Decide to …;"',
  'clause.placeholder.subitem': 'Sub-item',
  'clause.empty.preamble': 'No preambular paragraphs yet.',
  'clause.empty.operative': 'No operative paragraphs yet.',
  'clause.add.preamble': 'Add a preambular paragraph',
  'clause.add.operative': 'Add an operative paragraph',
  'clause.tools': 'Tools for {label}',
  'clause.addBefore': 'Add before',
  'clause.addAfter': 'Add after',
  'clause.addSubitem': 'Add sub-item',
  'clause.moveUp': 'Move up',
  'clause.moveDown': 'Move down',
  'clause.indent': 'Make sub-item',
  'clause.outdent': 'Lift out of paragraph',
  'clause.delete': 'Delete',
  'clause.deleteConfirm': 'Delete {label}? Its sub-items go with it.',
  'clause.deleted': '{label} deleted.',
  'clause.undo': 'Undo',
  'clause.shortcuts': 'Enter: new clause · Tab / Shift+Tab: sub-item in / out · Alt+↑/↓: move · Ctrl+Z: undo',

  'signatures.empty': 'No signatories yet.',

  'loading.clause': 'Loading…',
  'toast.dismiss': 'Dismiss',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
