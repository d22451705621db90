import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThread, type Thread } from '../../shared/comments/thread.ts';
import { threadClause } from '../../shared/comments/threadClause.ts';
import { emptySeed, type DeclarationSeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { COMMENT_MARK, commentAnchors } from '../../shared/document/commentMark.ts';
import { joinClauses } from '../../shared/document/joinClauses.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * A thread follows its text when its clause is joined into the one before
 * (docs/SPEC.md COM10, KEY1): the passage thread and the whole-clause thread
 * of the joined-away clause sit on the kept clause — for every replica, in
 * the audit entries written afterwards and in the negotiation export — and
 * an undone join puts them back. The real server, stock y-websocket clients.
 */
const seed: DeclarationSeed = {
  ...emptySeed(plain('Threads follow a join')),
  preamble: [],
  operative: [{ body: plain('Decides to act') }, { body: plain(' together in good time;') }, { body: plain('Closes the meeting.') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const threadIn = (doc: Y.Doc, id: string) => readThread(doc.getMap(ROOT.comments).get(id));
/** Where each thread sits in `doc` now, as every reader computes it. */
const placeOf = (doc: Y.Doc, thread: Thread) => threadClause(thread, commentAnchors(doc));

describe('threads follow their text through a join', () => {
  const under = declarationUnderTest(seed, people);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;

  it('COM10 KEY1: after a join the passage and whole-clause threads of the removed clause sit on the kept clause, in the audit and the export; Undo puts them back', async () => {
    const chile = await under.client('Chile');
    const peru = await under.client('Peru');
    const kept = idOf(chile.doc, 'Decides to act');
    const removed = idOf(chile.doc, ' together in good time;');

    // A passage thread on "together" (the mark first, as the editor does it) and a whole-clause thread, both on OP2.
    const passageId = 'joinPassage01';
    clauseXmlText(chile.doc, removed).format(1, 'together'.length, { [COMMENT_MARK]: { threads: passageId } });
    await waitFor(() => commentAnchors(serverDoc()).has(passageId), 'the mark to reach the server');
    const started = await under.call<{ thread: Thread }>('POST', '/threads', 'Chile', { id: passageId, clauseId: removed, anchor: 'passage', quote: 'together', body: 'Together with whom?' });
    expect(started.status).toBe(201);
    const whole = await under.call<{ thread: Thread }>('POST', '/threads', 'Peru', { clauseId: removed, anchor: 'clause', body: 'Should this paragraph stay?' });
    expect(whole.status).toBe(201);
    const passage = started.json.thread;
    const clauseThread = whole.json.thread;
    await waitFor(() => threadIn(chile.doc, clauseThread.id) !== null && threadIn(chile.doc, passageId) !== null, 'Chile to see both threads');

    // Backspace at the start of OP2, from Chile's client, tracked as the editor's undo history is.
    const undo = new Y.UndoManager(clausesMap(chile.doc), { trackedOrigins: new Set(['join']) });
    expect(joinClauses(chile.doc, kept, removed, 'join').joined).toBe(true);
    await waitFor(() => !clausesMap(serverDoc()).has(removed) && !clausesMap(peru.doc).has(removed), 'the join to reach the server and Peru');

    for (const doc of [serverDoc(), peru.doc, chile.doc]) {
      expect(placeOf(doc, passage)).toBe(kept);
      expect(placeOf(doc, clauseThread)).toBe(kept);
    }
    // The stored thread still names the clause it was started on: where it sits is derived.
    expect(threadIn(serverDoc(), clauseThread.id)!.clauseId).toBe(removed);
    expect(commentAnchors(serverDoc()).get(passageId)).toEqual({ clauseId: kept, text: 'together' });

    // Entries written after the join name the clause the thread sits on.
    expect((await under.call('POST', `/threads/${clauseThread.id}/resolve`, 'Peru', { resolved: true })).status).toBe(200);
    expect((await under.call('POST', `/threads/${passageId}/resolve`, 'Argentina', { resolved: true })).status).toBe(200);
    const resolvedOn = listAudit(under.server.db, under.declaration.id)
      .filter((e) => e.action === 'thread-resolved')
      .map((e) => e.clauseId);
    expect(resolvedOn).toEqual([kept, kept]);

    // The negotiation text files both threads under OP1, none under the clauses no longer in the text (EXP16).
    const response = await fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export?format=txt&variant=negotiation&comments=1`, {
      headers: { authorization: `Bearer ${under.declaration.tokens.Argentina}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('Comments on clauses no longer in the text');
    const op1 = text.slice(text.indexOf('[OP1]'), text.indexOf('[OP2]'));
    expect(op1).toContain('Decides to act together in good time;');
    expect(op1).toContain('Together with whom?');
    expect(op1).toContain('Should this paragraph stay?');

    // Undo brings OP2 back as it was, and its threads with it: nothing was rewritten.
    undo.undo();
    await waitFor(() => clausesMap(serverDoc()).has(removed) && clausesMap(peru.doc).has(removed), 'the undo to reach the server and Peru');
    await waitFor(() => commentAnchors(serverDoc()).get(passageId)?.clauseId === removed, 'the passage to be back in OP2 on the server');
    for (const doc of [serverDoc(), peru.doc]) {
      expect(placeOf(doc, passage)).toBe(removed);
      expect(placeOf(doc, clauseThread)).toBe(removed);
    }
  });
});
