import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTokenSecret } from '../auth/tokens.ts';
import { findThread, insertComment, insertThread, listThreads, markCommentDeleted, readsOf, removeThread, saveRead, setThreadResolved, updateCommentBody } from './comments.ts';
import { openDatabase, type Db } from './database.ts';
import { insertDeclaration } from './declarations.ts';
import { insertParticipant } from './participants.ts';
import { getSettings, saveSettings } from './settings.ts';

describe('comments in SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = (): { db: Db; chile: string; peru: string } => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-comments-'));
    dirs.push(dir);
    const db = openDatabase(dir, 'normal');
    const secret = loadTokenSecret(dir);
    for (const id of ['d1', 'd2']) insertDeclaration(db, id);
    return { db, chile: insertParticipant(db, secret, 'd1', 'Chile', 'delegation').id, peru: insertParticipant(db, secret, 'd1', 'Peru', 'delegation').id };
  };

  it('COM2 COM3: threads read back as the mirror shows them: names joined, deleted comments without text, resolution by name', () => {
    const { db, chile, peru } = open();
    insertThread(db, 'd1', { id: 'thread-b', clauseId: 'c1', anchor: 'passage', quote: 'the text', authorId: chile, at: 2000 }, { id: 'b1', authorId: chile, body: 'B', mentions: [peru], at: 2000 });
    insertThread(db, 'd1', { id: 'thread-a', clauseId: 'c2', anchor: 'clause', quote: '', authorId: peru, at: 1000 }, { id: 'a1', authorId: peru, body: 'A', mentions: [], at: 1000 });
    insertComment(db, 'd1', 'thread-b', { id: 'b2', authorId: peru, body: 'Reply', mentions: [], at: 2000 });
    updateCommentBody(db, 'b2', 'Reply, edited', [chile], 2500);
    markCommentDeleted(db, 'b1', 3000);
    setThreadResolved(db, 'thread-b', { by: peru, at: 4000 });
    expect(listThreads(db, 'd1').map((t) => t.id)).toEqual(['thread-a', 'thread-b']);
    expect(listThreads(db, 'd2')).toEqual([]);
    expect(findThread(db, 'd2', 'thread-b')).toBeNull();
    expect(findThread(db, 'd1', 'thread-b')).toEqual({
      id: 'thread-b',
      clauseId: 'c1',
      anchor: 'passage',
      quote: 'the text',
      authorId: chile,
      author: 'Chile',
      at: 2000,
      resolved: { by: 'Peru', at: 4000 },
      comments: [
        { id: 'b1', authorId: chile, author: 'Chile', body: '', mentions: [], at: 2000, deleted: true },
        { id: 'b2', authorId: peru, author: 'Peru', body: 'Reply, edited', mentions: [chile], at: 2000, editedAt: 2500 },
      ],
    });
    setThreadResolved(db, 'thread-b', null);
    expect(findThread(db, 'd1', 'thread-b')!.resolved).toBeNull();
    db.close();
  });

  it('COM8: reads are per participant, never go back in time, and go with their thread', () => {
    const { db, chile, peru } = open();
    insertThread(db, 'd1', { id: 'thread-a', clauseId: 'c1', anchor: 'clause', quote: '', authorId: chile, at: 1000 }, { id: 'a1', authorId: chile, body: 'A', mentions: [], at: 1000 });
    saveRead(db, peru, 'thread-a', 5000);
    saveRead(db, peru, 'thread-a', 4000);
    expect(readsOf(db, 'd1', peru)).toEqual({ 'thread-a': 5000 });
    expect(readsOf(db, 'd1', chile)).toEqual({});
    db.transaction(() => removeThread(db, 'thread-a'))();
    expect(readsOf(db, 'd1', peru)).toEqual({});
    expect(listThreads(db, 'd1')).toEqual([]);
    db.close();
  });

  it('COM7: settings default to observers not commenting, and are kept per declaration', () => {
    const { db } = open();
    expect(getSettings(db, 'd1')).toEqual(DEFAULT_SETTINGS);
    saveSettings(db, 'd1', { ...DEFAULT_SETTINGS, observersMayComment: true });
    expect(getSettings(db, 'd1')).toEqual({ ...DEFAULT_SETTINGS, observersMayComment: true });
    expect(getSettings(db, 'd2')).toEqual(DEFAULT_SETTINGS);
    db.close();
  });
});
