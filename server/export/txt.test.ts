import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/golden.ts';
import { readExportInput } from './exportInput.ts';
import { demoInput, docFromSeed, HOSTILE, HOSTILE_PROPOSAL, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';
import { oneLine, renderTxt } from './txt.ts';

describe('plain text export', () => {
  it('EXP2: the clean text of the demo declaration (golden file)', () => {
    expectGolden('clean.txt', renderTxt(demoInput(), 'clean'));
  });

  it('EXP2: the negotiation text of the demo declaration (golden file)', () => {
    expectGolden('negotiation.txt', renderTxt(demoInput(), 'negotiation'));
  });

  it('EXP2: clean: numbered paragraphs with hanging indents, sub-items (a)… (DL3), the note, the signature blocks; no labels or statuses', () => {
    const text = renderTxt(demoInput(), 'clean');
    expect(text).toContain('\n1.  Their agreement regarding');
    expect(text).toContain('\n12. Thank you also to the Republic of Paraguay');
    expect(text).toContain('\n    (a) Also assume the Pro Tempore Presidency');
    expect(text).toContain('\n    (d) Gather the information');
    expect(text).toContain('\nNote: It is specified that');
    expect(text).toContain('\nJorge Taiana\nMinistro de Defensa\nRepública Argentina\n');
    expect(text).not.toMatch(/\[(PP|OP)\d/);
    expect(text).not.toContain('Not applied');
  });

  it('EXP9: no wrapping: every paragraph, the note and each signature line is one line, however long', () => {
    const input = demoInput();
    const lines = renderTxt(input, 'clean').split('\n');
    const whole = (text: string) => lines.some((line) => line.trim().endsWith(text));
    const bodies = [...input.preamble, ...input.operative.flatMap((op) => [op, ...op.children])].map((clause) => clause.body.map((run) => run.text).join(''));
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(whole(body), body).toBe(true);
    expect(lines.some((line) => line.length > 200)).toBe(true);
    expect(lines).toContain(
      '12. Thank you also to the Republic of Paraguay for the agreement and commitment to chair and coordinate the III Conference of Latin America and the Caribbean on Peace Operations of the United Nations Organization Nations (III ALCONU) in 2025, accepting the responsibilities that are expressed below:',
    );
    expect(whole(input.meta.chapeau.map((run) => run.text).join(''))).toBe(true);
  });

  it('EXP2: negotiation: each clause under its label and status; refused changes listed under their clause, marked as not applied', () => {
    const text = renderTxt(demoInput(), 'negotiation');
    expect(text).toMatch(/^WORKING TEXT FOR NEGOTIATION, 2026-01-15 09:30 UTC\. NOT THE FINAL TEXT\.\nClauses: 23 open · 2 ad ref · 4 agreed\./);
    expect(text).toContain('[PP1] agreed (Argentina, 2023-09-11 14:00 UTC)\nRecognizing that');
    expect(text).toContain('[OP3] ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)\n3.  That the Latin');
    expect(text).toContain('    [OP12(a)] agreed (Argentina, 2023-09-11 20:00 UTC)\n    (a) Also assume');
    expect(text).toContain('    [Not applied: change attempted by Chile (2023-09-11 21:00 UTC):]\n    | Their full agreement');
    expect(text).toContain('[Not applied: Peru attempted to delete this clause');
  });

  it('EXP6: text comes out as it was typed, cleaned of control characters', () => {
    const text = renderTxt(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'clean');
    expect(text).toContain(HOSTILE.title);
    expect(text.replace(/\n\s*/g, ' ')).toContain(HOSTILE.preamble);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });

  it('PROP14: open proposals under their clause as numbered alternatives, redlined [-deleted-] [+inserted+], with justification, supporters and objectors', () => {
    const text = renderTxt(demoInput(), 'negotiation');
    const op6 = text.slice(text.indexOf('[OP6]'), text.indexOf('[OP7]'));
    expect(op6).toContain(
      [
        '    [Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)]',
        '    | That the treatment of the information that may be exchanged or generated within the scope of this Statement [-shall-][+should+] be in accordance with the provisions',
      ].join('\n'),
    );
    expect(op6).toContain('    Justification: Softer wording, as in the Lima Declaration.\n    Supported by Peru, Brazil. Objected to by Mexico.\n');
    // The deletion strikes the whole clause.
    expect(op6).toMatch(/\[Alt 2 \(Peru\): Deletion of OP6 \(2023-09-12 00:00 UTC\)\]\n {4}\| \[-That the treatment[^\]]*Participants\.-\]\n {4}Justification: OP7 already/);
    expect(op6.indexOf('Alt 1 (Chile)')).toBeLessThan(op6.indexOf('Alt 2 (Peru)'));
    expect(text).toContain('    [Alt 1 (Brazil): New operative paragraph after OP3 (2023-09-12 01:00 UTC)]\n    | [+That RELACOPAZ will report on its work to the III ALCONU.+]\n    Supported by Uruguay.');
    expect(text).toContain('[Alt 1 (Uruguay): New sub-item under OP12 (2023-09-12 02:00 UTC)]\n    | [+Circulate the draft agenda two months in advance.+]\n    Objected to by Paraguay.');
    expect(text).toContain('    Made while the clause was agreed.\n    Not decided: the clause is agreed.\n    | Recognizing that United Nations (UN) Peacekeeping Operations are an [-important-][+essential+] means');
    expect(renderTxt(demoInput(), 'clean')).not.toMatch(/Alt 1|\[\+|\[-/);
  });

  it('EXP6 PROP14: proposal text, justification and names come out as typed, cleaned of control characters', () => {
    const text = renderTxt(readExportInput(hostileNegotiationDoc(), SAMPLE_DATE), 'negotiation').replace(/\n\s*(\| )?/g, ' ');
    expect(text).toContain('[+<script>alert(2)</script>+]');
    expect(text).toContain(`Justification: ${HOSTILE_PROPOSAL.justification.replace('\u0007', '')}`);
    expect(text).toContain(`[Alt 1 (${HOSTILE_PROPOSAL.author}): New wording for OP1`);
    expect(text).toContain(`Supported by ${HOSTILE_PROPOSAL.supporter}.`);
    expect(text).toContain(`[+${HOSTILE_PROPOSAL.inserted}+]`);
    expect(text).not.toContain('\u0007');
  });

  it('EXP9: one line after its prefix: runs of spaces and line breaks one space, no-break spaces kept', () => {
    expect(oneLine('aaa  bbb\nccc ddd', '1.  ')).toEqual(['1.  aaa bbb ccc ddd']);
    expect(oneLine('Déclarent\u00a0:', '    ')).toEqual(['    Déclarent\u00a0:']);
    expect(oneLine('', '> ')).toEqual(['>']);
  });

  it('WN7 WN3 BRK3 POS4: the negotiation text of a frozen declaration: working numbers, "OP5 [deleted]" in its place, brackets, reservations and objections (golden file)', () => {
    const text = renderTxt(workingInput(), 'negotiation');
    expectGolden('working.negotiation.txt', text);
    expect(text).toContain('\n[OP7 bis] open\n7 bis. That the Participants will meet again [in 2025].\n');
    expect(text).toContain('\n    [OP12(a bis)] open\n    (a bis) Publish the report of the Conference;\n');
    // Each placeholder between its neighbours, at its level.
    const at = (s: string) => text.indexOf(s);
    expect(at('[OP4]')).toBeLessThan(at('\nOP5 [deleted]\n'));
    expect(at('\nOP5 [deleted]\n')).toBeLessThan(at('[OP6]'));
    expect(at('[PP2]')).toBeLessThan(at('\nPP3 [deleted]\n'));
    expect(at('\nPP3 [deleted]\n')).toBeLessThan(at('[PP4]'));
    expect(at('[OP12(b)]')).toBeLessThan(at('\n    OP12(c) [deleted]\n'));
    expect(at('\n    OP12(c) [deleted]\n')).toBeLessThan(at('[OP12(d)]'));
    expect(text).toContain('provisions of the corresponding [national laws and regulations] of the');
    expect(text).toContain('Clauses: 22 open · 2 ad ref · 4 agreed · 2 passages in square brackets.');
    // Objections first; an acceptance is not listed; a position on an earlier text says so.
    expect(text).toContain('    Bolivia: objection — Wants "domestic law" instead. (stated on an earlier text)\n    Cuba: reservation — Needs time to consult its capital.\n');
    expect(text).not.toMatch(/Peru: accept/);
  });

  it('WN7 BRK6: the clean text of a frozen declaration numbers 1…n, shows no deleted numbers, and keeps its brackets', () => {
    const text = renderTxt(workingInput(), 'clean');
    expect(text).toContain('\n5.  That the treatment of the information');
    expect(text).toContain('\n7.  That the Participants will meet again [in 2025].\n');
    expect(text).toContain('\n    (b) Publish the report of the Conference;\n');
    expect(text).toContain('\n    (c) Prepare an annual calendar');
    expect(text).toContain('[national laws and regulations]');
    expect(text).not.toMatch(/bis|\[deleted\]|reservation|objection|OP\d/);
  });
});
