import type * as Y from 'yjs';
import { clauseTexts, typeInto } from './documents.ts';
import type { TestClient } from './testServer.ts';

/**
 * A well-behaved participant typing: a stock client that keeps appending
 * unique markers, `[writer.n]`, to clauses of its choosing at a steady
 * pace, online or not, as a delegate's hands would (CRASH1, FUZZ1). Each
 * marker is one edit, so "is this edit there" is a text search.
 */
export interface Typist {
  readonly writer: string;
  readonly client: TestClient;
  /** Every marker typed so far, in order. */
  readonly typed: string[];
  stop(): void;
}

export interface TypistOptions {
  writer: string;
  /** Where each edit goes: called once per edit with a draw in [0, 1). */
  clauseFor(draw: number): string;
  /** Milliseconds between edits: at least `everyMs`, up to twice that. */
  everyMs: number;
  /** It stops by itself after this many edits, so no clause outgrows its limit. */
  maxEdits: number;
  random: () => number;
}

const MARKER = /\[([a-z0-9-]+)\.(\d+)\]/g;

export function marker(writer: string, n: number): string {
  return `[${writer}.${n}]`;
}

/** Every marker in a document's clauses. */
export function markersIn(doc: Y.Doc): Set<string> {
  return new Set(clauseTexts(doc).join('\n').match(MARKER) ?? []);
}

/** The writer of a marker. */
export function writerOf(m: string): string {
  return m.slice(1, m.lastIndexOf('.'));
}

export function startTypist(client: TestClient, options: TypistOptions): Typist {
  const typed: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  const next = () => {
    timer = setTimeout(type, options.everyMs * (1 + options.random()));
  };
  const type = () => {
    timer = null;
    const m = marker(options.writer, typed.length + 1);
    typeInto(client.doc, options.clauseFor(options.random()), m);
    typed.push(m);
    if (typed.length < options.maxEdits) next();
  };
  next();
  return {
    writer: options.writer,
    client,
    typed,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
