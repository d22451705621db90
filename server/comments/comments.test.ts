import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSettings } from '../../shared/settings.ts';
import { isUnread, MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH, readThread, type Thread } from '../../shared/comments/thread.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { COMMENT_MARK, commentAnchors } from '../../shared/document/commentMark.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { findThread, removeThread } from '../db/comments.ts';
import { openDatabase } from '../db/database.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { startTestServer, waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * Comment threads end to end (docs/SPEC.md COM1–COM8): the real server, the
 * API over HTTP, stock y-websocket clients, and hostile ones writing into
 * the document by hand.
 */
const seed = {
  ...emptySeed(plain('Comments test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Agreed text of the clause;') }, { body: plain('Open text under discussion;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Costa Rica', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = Record<string, unknown> & { thread: Thread; error: { id: string; message: string } };

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const threadIn = (doc: Y.Doc, id: string) => readThread(doc.getMap(ROOT.comments).get(id));

describe('comments', () => {
  const under = declarationUnderTest(seed, people);

  const { client } = under;
  /** One API call as `who` (a participant's name, or null for no token). */
  const call = async (method: string, path: string, who: string | null, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who !== null) headers.authorization = `Bearer ${under.declaration.tokens[who]}`;
    const response = await fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  };
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const start = async (who: string, request: Record<string, unknown>) => {
    const answer = await call('POST', '/threads', who, request);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    return answer.json.thread;
  };
  const clauseThread = (who: string, clauseId: string, body = 'We would prefer a shorter text.') => start(who, { clauseId, anchor: 'clause', body });


  it('COM1: two clients see a new thread and a reply live; the author is the session\'s participant, whatever the body says', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const open = idOf(chile.doc, 'Open text under discussion;');
    const thread = await start('Chile', { clauseId: open, anchor: 'clause', body: '  We propose to delete this.  ', author: 'Argentina', authorId: under.ids.Argentina });
    expect(thread).toMatchObject({ clauseId: open, anchor: 'clause', quote: '', authorId: under.ids.Chile, author: 'Chile', resolved: null });
    expect(thread.comments).toEqual([{ id: expect.any(String), authorId: under.ids.Chile, author: 'Chile', body: 'We propose to delete this.', mentions: [], at: expect.any(Number) }]);
    await waitFor(() => threadIn(peru.doc, thread.id) !== null, 'Peru to see the thread');
    expect(threadIn(peru.doc, thread.id)).toEqual(thread);

    const replied = await call('POST', `/threads/${thread.id}/comments`, 'Peru', { body: 'We disagree.', author: 'Chile', authorId: under.ids.Chile });
    expect(replied.status).toBe(201);
    expect(replied.json.thread.comments.map((c) => [c.author, c.authorId, c.body])).toEqual([
      ['Chile', under.ids.Chile, 'We propose to delete this.'],
      ['Peru', under.ids.Peru, 'We disagree.'],
    ]);
    await waitFor(() => threadIn(chile.doc, thread.id)?.comments.length === 2, 'Chile to see the reply');
    expect(threadIn(chile.doc, thread.id)).toEqual(replied.json.thread);
    expect((await call('GET', '/threads', 'Chile')).json.threads).toEqual([replied.json.thread]);
    expect(listAudit(under.server.db, under.declaration.id)).toEqual([expect.objectContaining({ actor: 'Chile', action: 'thread-started', clauseId: open, detail: { threadId: thread.id, anchor: 'clause' } })]);
  });

  it('COM4: a client writing into `comments` or `settings` by hand is undone on the server and on the other clients', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const spain = await client('Spain');
    const open = idOf(chile.doc, 'Open text under discussion;');
    const thread = await clauseThread('Peru', open);
    await waitFor(() => threadIn(chile.doc, thread.id) !== null && threadIn(spain.doc, thread.id) !== null, 'the thread to reach Chile and Spain');
    chile.doc.transact(() => {
      chile.doc.getMap(ROOT.comments).set('forgedThread1', { ...thread, id: 'forgedThread1', author: 'Argentina', authorId: under.ids.Argentina });
      chile.doc.getMap(ROOT.comments).set(thread.id, { ...thread, comments: [{ ...thread.comments[0]!, body: 'Peru withdraws.' }] });
      chile.doc.getMap(ROOT.settings).set('observersMayComment', true);
    });
    const untouched = (doc: Y.Doc) =>
      !doc.getMap(ROOT.comments).has('forgedThread1') && JSON.stringify(threadIn(doc, thread.id)) === JSON.stringify(thread) && !readSettings(doc.getMap(ROOT.settings)).observersMayComment;
    const everywhere = () => [serverDoc(), chile.doc, peru.doc, spain.doc].every(untouched);
    const refused = () => [...serverDoc().getMap(ROOT.refused).values()].map(readRefusedChange);
    await waitFor(() => everywhere() && refused().length === 1, 'the forged writes to be undone everywhere');
    expect(refused()).toEqual([expect.objectContaining({ author: 'Chile', reason: 'server-only' })]);
    // An observer removing a thread: refused before it is applied, its connection closed (WIRE4).
    const spainCloses: number[] = [];
    spain.provider.on('connection-close', (event: CloseEvent | null) => spainCloses.push(event?.code ?? 0));
    spain.doc.getMap(ROOT.comments).delete(thread.id);
    await waitFor(() => spainCloses.includes(CLOSE.malformedMessage.code), 'the observer to be disconnected');
    expect([serverDoc(), chile.doc, peru.doc].every(untouched)).toBe(true);
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(expect.objectContaining({ action: 'update-refused', actor: 'Spain' }));
    // The mirror still works after the undo.
    const replied = await call('POST', `/threads/${thread.id}/comments`, 'Chile', { body: 'Fine by us.' });
    await waitFor(() => JSON.stringify(threadIn(peru.doc, thread.id)) === JSON.stringify(replied.json.thread), 'the reply to reach Peru');
  });

  it('COM2: only its author edits or deletes a comment; a deleted comment keeps its place; deleting the last one removes the thread', async () => {
    const peru = await client('Peru');
    const open = idOf(peru.doc, 'Open text under discussion;');
    const thread = await clauseThread('Chile', open, 'First version.');
    const first = thread.comments[0]!.id;
    const path = `/threads/${thread.id}/comments/${first}`;

    const notHers = await call('PATCH', path, 'Peru', { body: 'Rewritten by Peru.' });
    expect(notHers.status).toBe(403);
    expect(notHers.json.error.message).toBe('Only its author can edit this comment.');
    expect((await call('PATCH', path, 'Argentina', { body: 'Rewritten by the chair.' })).status).toBe(403);
    const deleteByOther = await call('DELETE', path, 'Peru');
    expect(deleteByOther.status).toBe(403);
    expect(deleteByOther.json.error.message).toBe('Only its author can delete this comment.');

    const edited = await call('PATCH', path, 'Chile', { body: 'Second version, @Peru.' });
    expect(edited.status).toBe(200);
    expect(edited.json.thread.comments[0]).toMatchObject({ body: 'Second version, @Peru.', mentions: [under.ids.Peru], editedAt: expect.any(Number) });
    await waitFor(() => threadIn(peru.doc, thread.id)?.comments[0]?.body === 'Second version, @Peru.', 'the edit to reach Peru');

    const reply = (await call('POST', `/threads/${thread.id}/comments`, 'Peru', { body: 'Noted.' })).json.thread.comments[1]!.id;
    const deleted = await call('DELETE', path, 'Chile');
    expect(deleted.status).toBe(200);
    expect(deleted.json.thread.comments[0]).toEqual({ id: first, authorId: under.ids.Chile, author: 'Chile', body: '', mentions: [], at: thread.at, deleted: true });
    expect(deleted.json.thread.comments[1]).toMatchObject({ id: reply, body: 'Noted.' });
    await waitFor(() => threadIn(peru.doc, thread.id)?.comments[0]?.deleted === true, 'the deletion to reach Peru');
    // Its text is gone from the database too, not only from the screen.
    expect(findThread(under.server.db, under.declaration.id, thread.id)!.comments[0]!.body).toBe('');

    const editDeleted = await call('PATCH', path, 'Chile', { body: 'Back again.' });
    expect(editDeleted.status).toBe(409);
    expect((await call('DELETE', path, 'Chile')).status).toBe(200);

    const last = await call('DELETE', `/threads/${thread.id}/comments/${reply}`, 'Peru');
    expect(last.status).toBe(200);
    expect(last.json.thread).toBeNull();
    await waitFor(() => !peru.doc.getMap(ROOT.comments).has(thread.id) && !serverDoc().getMap(ROOT.comments).has(thread.id), 'the thread to go');
    expect(findThread(under.server.db, under.declaration.id, thread.id)).toBeNull();
    expect((await call('POST', `/threads/${thread.id}/comments`, 'Peru', { body: 'Hello?' })).status).toBe(404);
    expect(listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'comment-deleted').map((e) => e.detail)).toEqual([
      { threadId: thread.id, commentId: first, threadRemoved: false },
      { threadId: thread.id, commentId: reply, threadRemoved: true },
    ]);
  });

  it('COM3: the author, the chair and the secretariat resolve and reopen a thread; another delegation cannot', async () => {
    const chile = await client('Chile');
    const open = idOf(chile.doc, 'Open text under discussion;');
    const thread = await clauseThread('Chile', open);
    const resolve = (who: string, resolved: boolean) => call('POST', `/threads/${thread.id}/resolve`, who, { resolved });

    const byPeru = await resolve('Peru', true);
    expect(byPeru.status).toBe(403);
    expect(byPeru.json.error.message).toMatch(/author \(Chile\), the chair or the secretariat/);
    const byChair = await resolve('Argentina', true);
    expect(byChair.status).toBe(200);
    expect(byChair.json.thread.resolved).toEqual({ by: 'Argentina', at: expect.any(Number) });
    await waitFor(() => threadIn(chile.doc, thread.id)?.resolved?.by === 'Argentina', 'the resolution to reach Chile');
    expect((await resolve('Peru', false)).status).toBe(403);

    const reopened = await resolve('Secretariat', false);
    expect(reopened.status).toBe(200);
    expect(reopened.json.thread.resolved).toBeNull();
    await waitFor(() => threadIn(chile.doc, thread.id)?.resolved === null, 'the reopening to reach Chile');
    expect((await resolve('Secretariat', true)).json.thread.resolved).toMatchObject({ by: 'Secretariat' });
    expect((await resolve('Chile', false)).json.thread.resolved).toBeNull();
    expect((await resolve('Chile', true)).json.thread.resolved).toMatchObject({ by: 'Chile' });
    expect((await call('POST', `/threads/${thread.id}/resolve`, 'Chile', { resolved: 'yes' })).status).toBe(400);
    expect(listAudit(under.server.db, under.declaration.id).map((e) => `${e.actor} ${e.action}`)).toEqual([
      'Chile thread-started',
      'Argentina thread-resolved',
      'Secretariat thread-reopened',
      'Secretariat thread-resolved',
      'Chile thread-reopened',
      'Chile thread-resolved',
    ]);
  });

  it('COM7: an observer cannot comment until the chair allows it; nobody else changes the setting', async () => {
    const spain = await client('Spain');
    const open = idOf(spain.doc, 'Open text under discussion;');
    expect((await call('GET', '/settings', 'Spain')).json).toEqual({ settings: { observersMayComment: false, editing: 'direct', secretariatDecides: false, secretariatRemovesBrackets: false, paragraphs: 'numbered', subItemStyle: null } });
    expect(readSettings(spain.doc.getMap(ROOT.settings))).toMatchObject({ observersMayComment: false });

    const refused = await call('POST', '/threads', 'Spain', { clauseId: open, anchor: 'clause', body: 'May I?' });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({ id: 'observers-may-not-comment', message: 'The chair has not allowed observers to comment.' });
    const thread = await clauseThread('Chile', open);
    expect((await call('POST', `/threads/${thread.id}/comments`, 'Spain', { body: 'May I?' })).status).toBe(403);

    for (const who of ['Chile', 'Secretariat', 'Spain']) {
      expect((await call('PUT', '/settings', who, { observersMayComment: true })).status).toBe(403);
    }
    expect((await call('PUT', '/settings', 'Argentina', { observersMayComment: 'yes' })).status).toBe(400);
    const allowed = await call('PUT', '/settings', 'Argentina', { observersMayComment: true });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toEqual({ settings: { observersMayComment: true, editing: 'direct', secretariatDecides: false, secretariatRemovesBrackets: false, paragraphs: 'numbered', subItemStyle: null } });
    await waitFor(() => readSettings(spain.doc.getMap(ROOT.settings)).observersMayComment, 'the setting to reach Spain');
    const observerReply = await call('POST', `/threads/${thread.id}/comments`, 'Spain', { body: 'Thank you, Chair.' });
    expect(observerReply.status).toBe(201);
    const spainComment = observerReply.json.thread.comments[1]!.id;

    // Withdrawn again (with the POST spelling): Spain writes no more, but may still delete its own comment.
    expect((await call('POST', '/settings', 'Argentina', { observersMayComment: false })).status).toBe(200);
    await waitFor(() => !readSettings(spain.doc.getMap(ROOT.settings)).observersMayComment, 'the withdrawal to reach Spain');
    expect((await call('PATCH', `/threads/${thread.id}/comments/${spainComment}`, 'Spain', { body: 'Edited.' })).status).toBe(403);
    expect((await call('DELETE', `/threads/${thread.id}/comments/${spainComment}`, 'Spain')).status).toBe(200);
    expect(listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'settings').map((e) => e.detail)).toEqual([
      { observersMayComment: { from: false, to: true } },
      { observersMayComment: { from: true, to: false } },
    ]);
  });

  it('COM6: a passage deleted by another delegation leaves its thread on its clause; so does deleting the clause', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const open = idOf(chile.doc, 'Open text under discussion;');
    const threadId = 'passageThread01';
    // As the editor does: the mark goes into the text, then the thread is posted.
    clauseXmlText(chile.doc, open).format(5, 4, { [COMMENT_MARK]: { threads: threadId } });
    await waitFor(() => commentAnchors(serverDoc()).has(threadId), 'the mark to reach the server');
    const thread = await start('Chile', { id: threadId, clauseId: open, anchor: 'passage', quote: 'text', body: 'Which text?' });
    expect(thread).toMatchObject({ id: threadId, anchor: 'passage', quote: 'text' });
    await waitFor(() => commentAnchors(peru.doc).get(threadId)?.text === 'text' && threadIn(peru.doc, threadId) !== null, 'Peru to see the passage and its thread');

    // Text typed around the passage leaves the anchor in place.
    clauseXmlText(peru.doc, open).insert(0, 'The ');
    await waitFor(() => toPlainText(readDeclaration(chile.doc).clauses.find((c) => c.id === open)!.body).startsWith('The '), 'Peru\'s typing');
    expect(commentAnchors(chile.doc).get(threadId)).toEqual({ clauseId: open, text: 'text' });

    clauseXmlText(peru.doc, open).delete(4, 'Open text '.length);
    await waitFor(() => !commentAnchors(serverDoc()).has(threadId) && !commentAnchors(chile.doc).has(threadId), 'the passage to be gone');
    expect(threadIn(chile.doc, threadId)).toMatchObject({ clauseId: open, anchor: 'passage', quote: 'text' });

    deleteClause(peru.doc, open);
    await waitFor(() => !clausesMap(serverDoc()).has(open) && !clausesMap(chile.doc).has(open), 'the clause to be deleted');
    expect(threadIn(serverDoc(), threadId)).toMatchObject({ clauseId: open });
    expect(threadIn(chile.doc, threadId)).toMatchObject({ clauseId: open });
    // A reply still works on a thread whose clause is gone.
    expect((await call('POST', `/threads/${threadId}/comments`, 'Peru', { body: 'It was deleted.' })).status).toBe(201);
  });

  it('COM6: an anchor in an agreed clause survives the server\'s compensating update and the restoring of a deleted or replaced clause', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const agreed = idOf(chile.doc, 'Agreed text of the clause;');
    const threadId = 'agreedPassage01';
    clauseXmlText(chile.doc, agreed).format(0, 'Agreed text'.length, { [COMMENT_MARK]: { threads: threadId } });
    await waitFor(() => commentAnchors(serverDoc()).has(threadId), 'the mark to reach the server');
    await start('Chile', { id: threadId, clauseId: agreed, anchor: 'passage', quote: 'Agreed text', body: 'Please check the wording.' });
    expect((await call('POST', `/clauses/${agreed}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    await waitFor(() => peru.doc.getMap(ROOT.status).has(agreed), 'the lock to reach Peru');
    const anchored = (doc: Y.Doc) => commentAnchors(doc).get(threadId)?.text === 'Agreed text' && commentAnchors(doc).get(threadId)?.clauseId === agreed;

    // Typing over the passage: undone by a compensating update, formatting included.
    clauseXmlText(peru.doc, agreed).delete(0, 'Agreed text of'.length);
    await waitFor(() => anchored(serverDoc()) && anchored(peru.doc) && anchored(chile.doc), 'the passage back with its mark');

    // Deleted outright: put back from the snapshot taken when it was agreed.
    deleteClause(peru.doc, agreed);
    await waitFor(() => clausesMap(chile.doc).has(agreed) && anchored(serverDoc()) && anchored(peru.doc) && anchored(chile.doc), 'the clause back with its mark');

    // Replaced by another map under the same id: the same.
    const impostor = new Y.Map<unknown>();
    clausesMap(peru.doc).set(agreed, impostor);
    impostor.set(CLAUSE_FIELD.kind, 'operative');
    impostor.set(CLAUSE_FIELD.order, 'z');
    await waitFor(() => anchored(serverDoc()) && anchored(peru.doc) && anchored(chile.doc), 'the clause back after its replacement');
    expect(threadIn(chile.doc, threadId)).toMatchObject({ clauseId: agreed, anchor: 'passage' });

    // A whole-clause thread works on an agreed clause; a new passage there cannot be marked.
    await clauseThread('Peru', agreed, 'We still have a reservation.');
    const passage = await call('POST', '/threads', 'Peru', { clauseId: agreed, anchor: 'passage', quote: 'text', body: 'Here.' });
    expect(passage.status).toBe(409);
    expect(passage.json.error.message).toMatch(/whole clause/);
  });

  it('COM5 COM8: mentions are found by the server; unread markers are per participant; both survive a restart with the threads', async () => {
    const open = idOf(serverDoc(), 'Open text under discussion;');
    const thread = await clauseThread('Peru', open, 'Could @chile and @Costa Rica look at this? @Argentinas is no one; mail@Peru neither.');
    const costaRica = under.ids['Costa Rica']!;
    expect(thread.comments[0]!.mentions).toEqual([under.ids.Chile, costaRica]);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect((await call('GET', '/comments/reads', 'Chile')).json).toEqual({ reads: {} });
    const read = await call('POST', `/threads/${thread.id}/read`, 'Chile', {});
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ threadId: thread.id, readAt: expect.any(Number) });
    const readAt = read.json.readAt as number;
    expect(readAt).toBeGreaterThanOrEqual(thread.at);
    expect((await call('GET', '/comments/reads', 'Chile')).json).toEqual({ reads: { [thread.id]: readAt } });
    expect((await call('GET', '/comments/reads', 'Costa Rica')).json).toEqual({ reads: {} });
    expect(isUnread(thread, under.ids.Chile!, readAt)).toBe(false);
    expect(isUnread(thread, costaRica, undefined)).toBe(true);
    expect((await call('POST', '/threads/noSuchThread1/read', 'Chile', {})).status).toBe(404);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const replied = (await call('POST', `/threads/${thread.id}/comments`, 'Costa Rica', { body: 'Yes, @Peru.' })).json.thread;
    expect(isUnread(replied, under.ids.Chile!, readAt)).toBe(true);

    under.server = await under.server.restart();
    expect((await call('GET', '/comments/reads', 'Chile')).json).toEqual({ reads: { [thread.id]: readAt } });
    expect((await call('GET', '/threads', 'Chile')).json.threads).toEqual([replied]);
    const chile = await client('Chile');
    expect(threadIn(chile.doc, thread.id)).toEqual(replied);
  });

  it('COM4: on load the document is made to match SQLite (a thread gone from the database leaves the mirror)', async () => {
    const open = idOf(serverDoc(), 'Open text under discussion;');
    const kept = await clauseThread('Peru', open, 'Kept.');
    const dropped = await clauseThread('Chile', open, 'Dropped.');
    const { dataDir } = under.server;
    await under.server.close();
    const db = openDatabase(dataDir, 'normal');
    db.transaction(() => removeThread(db, dropped.id))();
    db.prepare('INSERT OR REPLACE INTO declaration_settings (declaration_id, observers_may_comment) VALUES (?, 1)').run(under.declaration.id);
    db.close();
    under.server = await startTestServer({}, dataDir);
    const chile = await client('Chile');
    expect([...chile.doc.getMap(ROOT.comments).keys()]).toEqual([kept.id]);
    expect(readSettings(chile.doc.getMap(ROOT.settings))).toMatchObject({ observersMayComment: true });
  });

  it('COM5: bad input is refused with a message a person can act on', async () => {
    const open = idOf(serverDoc(), 'Open text under discussion;');
    const post = (body: unknown, who: string | null = 'Chile') => call('POST', '/threads', who, body);

    const tooLong = await post({ clauseId: open, anchor: 'clause', body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.message).toContain(String(MAX_COMMENT_LENGTH));
    expect((await post({ clauseId: open, anchor: 'clause', body: `  ${'x'.repeat(MAX_COMMENT_LENGTH)}  ` })).status).toBe(201);
    expect((await post({ clauseId: open, anchor: 'clause', body: '   ' })).status).toBe(400);
    expect((await post({ clauseId: open, anchor: 'clause', body: 42 })).status).toBe(400);
    expect((await post({ clauseId: open, anchor: 'margin', body: 'Hi' })).status).toBe(400);
    expect((await post({ clauseId: open, anchor: 'passage', quote: 'q'.repeat(MAX_QUOTE_LENGTH + 1), body: 'Hi' })).status).toBe(400);
    expect((await post({ clauseId: 'noSuchClause', anchor: 'clause', body: 'Hi' })).status).toBe(404);
    expect((await post({ id: 'bad id!', clauseId: open, anchor: 'clause', body: 'Hi' })).status).toBe(400);
    expect((await post([{ clauseId: open, anchor: 'clause', body: 'Hi' }])).status).toBe(400);
    expect((await post({ clauseId: open, anchor: 'clause', body: 'Hi' }, null)).status).toBe(401);

    await post({ id: 'sameThreadId1', clauseId: open, anchor: 'clause', body: 'First.' });
    const duplicate = await post({ id: 'sameThreadId1', clauseId: open, anchor: 'clause', body: 'Second.' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.id).toBe('thread-exists');

    expect((await call('POST', '/threads/sameThreadId1/comments', 'Chile', { body: 'y'.repeat(MAX_COMMENT_LENGTH + 1) })).status).toBe(400);
    expect((await call('POST', '/threads/noSuchThread1/comments', 'Chile', { body: 'Hi' })).status).toBe(404);
    expect((await call('PATCH', '/threads/sameThreadId1/comments/noSuchComment', 'Chile', { body: 'Hi' })).status).toBe(404);
    expect((await call('DELETE', '/threads/noSuchThread1/comments/noSuchComment', 'Chile')).status).toBe(404);
    expect((await call('POST', '/threads/noSuchThread1/resolve', 'Argentina', { resolved: true })).status).toBe(404);
    expect((await call('GET', '/threads', null)).status).toBe(401);
    expect((await call('GET', '/comments/reads', null)).status).toBe(401);
    const unknownDeclaration = await fetch(`${under.server.httpUrl}/api/declarations/nope/threads`, { headers: { authorization: `Bearer ${under.declaration.tokens.Chile}` } });
    expect(unknownDeclaration.status).toBe(404);
  });

  it('COM5: any participant lists the people to mention, without links', async () => {
    const answer = await call('GET', '/people', 'Spain');
    expect(answer.status).toBe(200);
    const listed = (answer.json as unknown as { people: Record<string, unknown>[] }).people;
    expect(listed.map((p) => p.name)).toEqual(people.map((p) => p.name));
    expect(listed[0]).toEqual({ id: under.ids.Argentina, name: 'Argentina', role: 'chair', color: expect.any(String) });
  });
});
