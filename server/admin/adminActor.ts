/** Who the audit log says acted when the admin command did (new-link, restore --new-links). */
export const ADMIN_ACTOR = 'npm run admin';
