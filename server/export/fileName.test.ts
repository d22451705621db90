import { describe, expect, it } from 'vitest';
import { asciiSlug, contentDisposition, exportFileName, MAX_SLUG_LENGTH } from './fileName.ts';

describe('export file names', () => {
  it('EXP1: the name comes from the title: an ASCII slug, the extension, -negotiation for the working text', () => {
    const title = 'Declaration of Buenos Aires "The commitment to make peace" (2023)';
    expect(exportFileName(title, 'docx', 'clean').ascii).toBe('declaration-of-buenos-aires-the-commitment-to-make-peace-2023.docx');
    expect(exportFileName(title, 'pdf', 'negotiation').ascii).toBe('declaration-of-buenos-aires-the-commitment-to-make-peace-2023-negotiation.pdf');
  });

  it('EXP1: accents are folded; nothing usable gives "declaration"; long titles are cut at a word, within the limit', () => {
    expect(asciiSlug('Declaración de Lima — Año 2024: «Vivir en Paz»')).toBe('declaracion-de-lima-ano-2024-vivir-en-paz');
    expect(asciiSlug('Déclaration de Port-au-Prince, Haïti; Straße Øresund')).toBe('declaration-de-port-au-prince-haiti-strasse-oresund');
    expect(asciiSlug('')).toBe('declaration');
    expect(asciiSlug('中文 «» !!!')).toBe('declaration');
    const long = asciiSlug('Declaration of the Fourth Ministerial Conference of Latin America and the Caribbean on Peace Operations of the United Nations');
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long).toBe('declaration-of-the-fourth-ministerial-conference-of-latin-america-and-the');
    expect(asciiSlug('x'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('EXP1: Content-Disposition is an attachment with a plain filename and an RFC 5987 filename* in UTF-8', () => {
    const header = contentDisposition(exportFileName('Declaración de Asunción (2025)', 'md', 'clean'));
    expect(header).toBe(`attachment; filename="declaracion-de-asuncion-2025.md"; filename*=UTF-8''declaraci%C3%B3n-de-asunci%C3%B3n-2025.md`);
    const hostile = contentDisposition(exportFileName('a"b\\c\r\nSet-Cookie: x=1', 'txt', 'clean'));
    expect(hostile).toBe(`attachment; filename="a-b-c-set-cookie-x-1.txt"; filename*=UTF-8''a-b-c-set-cookie-x-1.txt`);
    expect(hostile).not.toMatch(/[\r\n]/);
  });
});
