import type { Router } from 'express';
import express from 'express';
import type { Db } from '../db/database.ts';
import { badRequest } from '../errors.ts';
import { toPlainText } from '../../shared/richText.ts';
import { EXPORT_VARIANTS, readExportInput, type ExportVariant } from '../export/exportInput.ts';
import { contentDisposition, exportFileName } from '../export/fileName.ts';
import { EXPORT_FORMATS, FORMATS, isExportFormat, renderExport, renderRedlineExport } from '../export/formats.ts';
import { exportQuery, loadRedline, loadVersionText } from '../export/redlineExport.ts';
import { describeMissingGlyphs, missingGlyphsOf } from '../export/pdfFonts.ts';
import { exportComments } from '../export/exportComments.ts';
import { listThreads } from '../db/comments.ts';
import { commentAnchors } from '../../shared/document/commentMark.ts';
import { unsettledHeader, unsettledOfDoc } from '../../shared/unsettled.ts';
import type { Rooms } from '../relay/rooms.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * `GET /api/declarations/:id/export?format=…&variant=…` (docs/API.md, SPEC
 * EXP1–EXP16): the declaration as a file to download, for any participant.
 * The document is read once into plain data (server/export/exportInput.ts)
 * and handed to the format's exporter; `version=` exports a saved version
 * instead (VER2), `variant=redline&base=…` the changes since one (RED1,
 * server/export/redlineExport.ts).
 */
function isExportVariant(value: unknown): value is ExportVariant | 'redline' {
  return typeof value === 'string' && (value === 'redline' || (EXPORT_VARIANTS as readonly string[]).includes(value));
}

/**
 * `comments=1` (EXP16): the negotiation text with its comment threads.
 * Refused where they cannot go: the clean text is the text as signed, a
 * saved version or a redline is not the discussion of now, and Akoma Ntoso
 * is the text as a legal document for other systems (its notes are the
 * text's own), so the discussion is not filed there.
 */
function wantsComments(query: Record<string, unknown>, format: string, variant: string): boolean {
  const raw = query.comments;
  if (raw === undefined || raw === '0' || raw === 'false') return false;
  if (raw !== '1' && raw !== 'true') throw badRequest('bad-comments', 'Give comments=1 to file the comment threads with the negotiation text, or leave it out.');
  if (variant !== 'negotiation') {
    throw badRequest('bad-comments', 'Comment threads are filed only with the negotiation text (variant=negotiation): the clean text is the text as it will be signed, and a redline shows changes.');
  }
  if (format === 'akn') throw badRequest('bad-comments', 'Comment threads are not put into the Akoma Ntoso file, which holds the text as a legal document: export them as docx, pdf, html, md or txt.');
  if (query.version !== undefined) throw badRequest('bad-comments', 'Comment threads are those of the text now: leave out version= to file them with the current negotiation text.');
  return true;
}

/** `X-Consenso-Missing-Glyphs` of a PDF (SPEC EXP10): what no embedded font could draw; null for other formats or when every character printed. */
function missingGlyphsHeader(format: string, file: Buffer): string | null {
  return format === 'pdf' ? describeMissingGlyphs(missingGlyphsOf(file)) : null;
}

export function exportRouter(deps: { db: Db; rooms: Rooms }): Router {
  const router = express.Router();

  router.get('/declarations/:id/export', async (request, response) => {
    requireParticipant(deps.db, request, 'export');
    const { format, variant = 'clean' } = request.query;
    if (!isExportFormat(format)) {
      throw badRequest('bad-format', `Give format=${EXPORT_FORMATS.join(', ')} (one of them).`);
    }
    if (!isExportVariant(variant)) {
      throw badRequest(
        'bad-variant',
        `Give variant=${EXPORT_VARIANTS.join(' or ')}: the final text, or the working text with statuses; or variant=redline with base=<version id> for the changes since a version.`,
      );
    }
    const spec = FORMATS[format];
    const withComments = wantsComments(request.query as Record<string, unknown>, format, variant);
    const query = exportQuery(request.query as Record<string, unknown>, format, variant);
    if (query.kind === 'redline') {
      const redline = loadRedline(deps, request.params.id, query.base, query.target, new Date());
      const file = await renderRedlineExport(query.format, redline);
      response.set({
        'Content-Type': spec.contentType,
        'Content-Disposition': contentDisposition(exportFileName(redline.title, spec.extension, 'redline', { version: redline.baseName, since: true })),
        'Cache-Control': 'no-store',
      });
      const redlineMissing = missingGlyphsHeader(query.format, file);
      if (redlineMissing !== null) response.set('X-Consenso-Missing-Glyphs', redlineMissing);
      response.send(file);
      return;
    }
    const saved = query.version === null ? null : loadVersionText(deps.db, request.params.id, query.version);
    // The clean text of now says what still stands between it and its signature (EXP15); the room's document is read once for both.
    // Threads are placed where their marks stand in the same read of the document (COM10); never with a saved version (EXP16).
    const { input: text, unsettled, anchors } = saved
      ? { input: saved.input, unsettled: null, anchors: null }
      : deps.rooms.withRoom(request.params.id, (room) => ({
          input: readExportInput(room.doc, new Date()),
          unsettled: query.variant === 'clean' ? unsettledOfDoc(room.doc) : null,
          anchors: withComments ? commentAnchors(room.doc) : null,
        }));
    // Every participant reads every thread (COM7): an observer's file holds them all.
    const input = withComments && anchors ? { ...text, comments: exportComments(text, listThreads(deps.db, request.params.id), anchors) } : text;
    const file = await renderExport(format, input, query.variant);
    response.set({
      'Content-Type': spec.contentType,
      'Content-Disposition': contentDisposition(exportFileName(toPlainText(input.meta.title), spec.extension, query.variant, saved ? { version: saved.info.name } : undefined)),
      // A working text changes by the minute and is not for shared caches.
      'Cache-Control': 'no-store',
      // Passages still in square brackets, printed in the file (BRK6): a client or API user can warn that a "clean" text is not clean.
      'X-Consenso-Brackets': String(input.brackets),
    });
    if (unsettled !== null) response.set('X-Consenso-Unsettled', unsettledHeader(unsettled));
    const missing = missingGlyphsHeader(format, file);
    if (missing !== null) response.set('X-Consenso-Missing-Glyphs', missing);
    response.send(file);
  });

  return router;
}
