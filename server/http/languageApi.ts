import type { Router } from 'express';
import express from 'express';
import { setDeclarationLanguage, type LanguageDeps } from '../declarations/setDeclarationLanguage.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * The declaration's language (docs/API.md "Declaration language",
 * docs/SPEC.md DL1, DL9): `PUT /api/declarations/:id/language
 * { "language": "en" | "es" | "pt" | "fr" }`, the chair and the
 * secretariat. Clients read the language live from the document's
 * `settings` map (DL2). Mounted by api.ts, after its JSON body parser.
 */
export function languageRouter(deps: LanguageDeps): Router {
  const router = express.Router();
  router.put('/declarations/:id/language', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    response.json({ language: setDeclarationLanguage(deps, request.params.id, actor, request.body) });
  });
  return router;
}
