import type { Router } from 'express';
import express from 'express';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { getSettings } from '../db/settings.ts';
import { findVersionInfo, listVersions, versionContent } from '../db/versions.ts';
import { notFound } from '../errors.ts';
import { compareVersions, type CompareDeps } from '../versions/compareVersions.ts';
import { versionRequest } from '../versions/input.ts';
import { saveVersion } from '../versions/saveVersion.ts';
import { readVersionContent, versionText } from '../versions/versionContent.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Named versions and the comparison (docs/API.md "Versions and
 * comparison", docs/SPEC.md VER1–VER3, CMP1–CMP3). The chair and the
 * secretariat save; every participant lists, opens and compares. Mounted
 * by api.ts, after its JSON body parser.
 */
export function versionsRouter(deps: CompareDeps): Router {
  const { db, rooms } = deps;
  const router = express.Router();

  router.post('/declarations/:id/versions', (request, response) => {
    const actor = requireParticipant(db, request, 'saveVersion');
    const { name, note } = versionRequest(request.body);
    const { id } = request.params;
    const content = rooms.withRoom(id, (room) => readVersionContent(room.doc));
    response.status(201).json({ version: saveVersion(db, id, content, { name, note, origin: 'saved', by: actor }) });
  });

  router.get('/declarations/:id/versions', (request, response) => {
    requireParticipant(db, request);
    response.json({ versions: listVersions(db, request.params.id) });
  });

  router.get('/declarations/:id/versions/:versionId', (request, response) => {
    requireParticipant(db, request);
    const { id, versionId } = request.params;
    const version = findVersionInfo(db, id, versionId);
    const content = version && versionContent(db, id, versionId);
    if (!version || !content) throw notFound('version-not-found', `There is no version "${versionId}" in this declaration: pick one from the list of versions.`);
    // Markers as the declaration's language writes them (DL3): "a)" in a Spanish declaration.
    // Printed as the declaration prints now (SET1), as its exports do (loadVersionText).
    const { paragraphs, subItemStyle } = getSettings(db, id);
    response.json({ version, text: versionText(content, version.at, getDeclarationLanguage(db, id), { paragraphs, subItemStyle }) });
  });

  router.get('/declarations/:id/compare', (request, response) => {
    requireParticipant(db, request);
    response.json(compareVersions(deps, request.params.id, request.query as Record<string, unknown>));
  });

  return router;
}
