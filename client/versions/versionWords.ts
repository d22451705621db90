import type { VersionInfo } from '../../shared/versions/version.ts';
import { t } from '../i18n.ts';
import { when } from '../time.ts';

/** Who saved a version: the participant, or Consenso itself for a version made at a milestone by the server alone. */
export function savedBy(version: VersionInfo): string {
  return version.by === '' ? t('versions.byServer') : version.by;
}

/** "Saved", "Automatic: zero draft" … (VER1's origins). */
export function originWords(version: VersionInfo): string {
  return t(`versions.origin.${version.origin}`);
}

/** "Argentina · 14:05" (the date on other days). */
export function byAndWhen(version: VersionInfo): string {
  return t('versions.byAndWhen', { name: savedBy(version), when: when(version.at) });
}

/** "24 clauses: 18 open · 2 ad ref · 4 agreed". */
export function countsWords(version: VersionInfo): string {
  return t('versions.counts', { count: version.clauses, open: version.statuses.open, adRef: version.statuses['ad-ref'], agreed: version.statuses.agreed });
}

/** A version as a picker lists it: "Rev.1 — Argentina · 14:05". */
export function pickerWords(version: VersionInfo): string {
  return t('versions.pickerItem', { name: version.name, by: savedBy(version), when: when(version.at) });
}
