import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import { listParticipants } from '../db/participants.ts';
import { createUpdateLog } from '../db/updateLog.ts';
import { participantLink } from '../declarations/createDeclaration.ts';
import { createFromDraft } from '../declarations/createFromDraft.ts';
import { AppError, badRequest } from '../errors.ts';
import { noFileName, tooLarge } from '../import/importErrors.ts';
import { readDraftInWorker } from '../import/readDraftInWorker.ts';
import type { ApiDeps } from './api.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * A new declaration from a zero draft (docs/API.md, docs/SPEC.md IMP3,
 * IMP4), for the chair and the secretariat: `preview` reads a file and
 * answers the structure found, creating nothing; `create` takes that
 * structure back (perhaps corrected) and makes a new declaration with the
 * same participants. Mounted by api.ts before its 1 MB JSON parser: these
 * routes read their own bodies, up to MAX_IMPORT_BYTES, and only once the
 * caller is known to be allowed.
 */
const rawFile = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES });
const jsonDraft = express.json({ limit: MAX_IMPORT_BYTES });

function tooLargeSaid(parser: RequestHandler, error: () => AppError): RequestHandler {
  return (request, response, next) =>
    parser(request, response, (failure?: unknown) => {
      next((failure as { type?: unknown } | undefined)?.type === 'entity.too.large' ? error() : failure);
    });
}

function mayImport(deps: ApiDeps) {
  return (request: Request<{ id: string }>, _response: Response, next: NextFunction) => {
    requireParticipant(deps.db, request, 'manageParticipants');
    next();
  };
}

/** The name sent in X-File-Name, which browsers may have percent-encoded. */
function fileNameOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw noFileName();
  try {
    return decodeURIComponent(header.trim());
  } catch {
    return header.trim();
  }
}

export function importRouter(deps: ApiDeps): Router {
  const { db, secret } = deps;
  const router = express.Router();
  const log = createUpdateLog(db);

  router.post('/declarations/:id/import/preview', mayImport(deps), tooLargeSaid(rawFile, tooLarge), async (request, response) => {
    const name = fileNameOf(request.get('x-file-name'));
    const body: unknown = request.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(0);
    // Off the main thread, with a time and a memory limit (IMP7).
    response.json({ draft: await readDraftInWorker(name, bytes) });
  });

  router.post(
    '/declarations/:id/import/create',
    mayImport(deps),
    tooLargeSaid(jsonDraft, () => new AppError(413, 'import-too-large', `The draft is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`)),
    (request, response) => {
      const actor = requireParticipant(db, request, 'manageParticipants');
      const body: unknown = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).join() !== 'draft') {
        throw badRequest('bad-body', 'Send {"draft": …} as JSON, with the draft as the preview answered it.');
      }
      const participants = listParticipants(db, request.params.id)
        .filter((p) => !p.revoked)
        .map((p) => ({ name: p.name, role: p.role }));
      const created = createFromDraft({ db, secret, log }, (body as { draft: unknown }).draft, participants, {
        declarationId: request.params.id,
        actor: actor.name,
      });
      const own = created.participants.find((p) => p.name === actor.name && p.role === actor.role)!;
      response.status(201).json({ id: created.id, url: participantLink(deps.baseUrl(), created.id, secret.tokenFor(own.id, own.generation)) });
    },
  );

  return router;
}
