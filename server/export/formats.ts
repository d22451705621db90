import { renderAkn } from './akn.ts';
import { DOCX_CONTENT_TYPE, renderDocx } from './docx.ts';
import type { ExportInput, ExportVariant } from './exportInput.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';
import type { RedlineExport } from './redline.ts';
import { renderRedlineDocx } from './redlineDocx.ts';
import type { RedlineFormat } from './redlineExport.ts';
import { renderRedlineHtml } from './redlineHtml.ts';
import { renderRedlineMarkdown } from './redlineMarkdown.ts';
import { renderRedlinePdf } from './redlinePdf.ts';
import { renderTxt } from './txt.ts';

/**
 * The export formats: for each, the file's extension, its Content-Type and
 * the exporter (a pure function of the ExportInput and the variant).
 */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'txt', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatSpec {
  extension: string;
  contentType: string;
  render(input: ExportInput, variant: ExportVariant): string | Buffer | Promise<Buffer>;
}

export const FORMATS: Record<ExportFormat, ExportFormatSpec> = {
  docx: { extension: 'docx', contentType: DOCX_CONTENT_TYPE, render: renderDocx },
  pdf: { extension: 'pdf', contentType: 'application/pdf', render: (input, variant) => renderPdf(input, variant) },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8', render: renderHtml },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
  txt: { extension: 'txt', contentType: 'text/plain; charset=utf-8', render: renderTxt },
  // Akoma Ntoso's registered media type (OASIS LegalDocML).
  akn: { extension: 'akn.xml', contentType: 'application/akn+xml; charset=utf-8', render: renderAkn },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The file's bytes, whatever the format. */
export async function renderExport(format: ExportFormat, input: ExportInput, variant: ExportVariant): Promise<Buffer> {
  const output = await FORMATS[format].render(input, variant);
  return typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
}

const REDLINE_RENDERERS: Record<RedlineFormat, (redline: RedlineExport) => string | Promise<Buffer>> = {
  docx: renderRedlineDocx,
  html: renderRedlineHtml,
  pdf: (redline) => renderRedlinePdf(redline),
  md: renderRedlineMarkdown,
};

/** A redline's bytes (SPEC RED1), in one of the formats that can show changes. */
export async function renderRedlineExport(format: RedlineFormat, redline: RedlineExport): Promise<Buffer> {
  const output = await REDLINE_RENDERERS[format](redline);
  return typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
}
