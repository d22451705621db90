import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import { DECLARATION_LANGUAGES, isDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { detectLanguage } from '../../shared/import/detectLanguage.ts';
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

/** The body of `import/create`: `{ draft, language? }` (DL6); the language, if given, one of the four. */
function createLanguage(body: unknown): DeclarationLanguage | undefined {
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : null;
  if (keys === null || !keys.includes('draft') || keys.some((key) => key !== 'draft' && key !== 'language')) {
    throw badRequest('bad-body', 'Send {"draft": …, "language": …} as JSON, with the draft as the preview answered it (the language is optional).');
  }
  const { language } = body as { language?: unknown };
  if (language === undefined) return undefined;
  if (!isDeclarationLanguage(language)) throw badRequest('bad-language', `The declaration's language must be one of ${DECLARATION_LANGUAGES.join(', ')}.`);
  return language;
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
    const draft = await readDraftInWorker(name, bytes);
    // The language the draft seems written in (DL6): the preview offers it, the user may change it.
    response.json({ draft, language: detectLanguage(draft) });
  });

  router.post(
    '/declarations/:id/import/create',
    mayImport(deps),
    tooLargeSaid(jsonDraft, () => new AppError(413, 'import-too-large', `The draft is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`)),
    (request, response) => {
      const actor = requireParticipant(db, request, 'manageParticipants');
      const body: unknown = request.body;
      const language = createLanguage(body);
      const participants = listParticipants(db, request.params.id)
        .filter((p) => !p.revoked)
        .map((p) => ({ name: p.name, role: p.role }));
      const created = createFromDraft({ db, secret, log }, (body as { draft: unknown }).draft, participants, {
        declarationId: request.params.id,
        actor: actor.name,
      }, language);
      const own = created.participants.find((p) => p.name === actor.name && p.role === actor.role)!;
      response.status(201).json({ id: created.id, url: participantLink(deps.baseUrl(), created.id, secret.tokenFor(own.id, own.generation)) });
    },
  );

  return router;
}
