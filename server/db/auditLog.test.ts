import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from './auditLog.ts';
import { openDatabase } from './database.ts';
import { insertDeclaration } from './declarations.ts';

describe('audit log', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('AUDIT1: entries are appended with who, when and what, and can be neither changed nor deleted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-audit-'));
    dirs.push(dir);
    const db = openDatabase(dir, 'normal');
    insertDeclaration(db, 'd1');
    appendAudit(db, 'd1', { actor: 'Argentina', action: 'lock', clauseId: 'c1', detail: { from: 'open', to: 'agreed' }, at: 1000 });
    appendAudit(db, 'd1', { actor: 'Chile', action: 'refused', clauseId: 'c1', detail: { attempted: 'x' }, at: 2000 });
    expect(listAudit(db, 'd1')).toEqual([
      { id: expect.any(Number), at: 1000, actor: 'Argentina', action: 'lock', clauseId: 'c1', detail: { from: 'open', to: 'agreed' } },
      { id: expect.any(Number), at: 2000, actor: 'Chile', action: 'refused', clauseId: 'c1', detail: { attempted: 'x' } },
    ]);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'Peru'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(db, 'd1')).toHaveLength(2);
    db.close();
  });
});
