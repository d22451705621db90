import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { useRootMap } from '../collab/useRootMap.ts';

function readProposals(map: Y.Map<unknown>): Map<string, Proposal> {
  const proposals = new Map<string, Proposal>();
  map.forEach((value, id) => {
    const proposal = readProposal(value);
    if (proposal) proposals.set(id, proposal);
  });
  return proposals;
}

/** The proposals as the server mirrors them (root map `proposals`, PROP12), live. Clients only read them; the API writes. */
export function useProposals(doc: Y.Doc): Map<string, Proposal> {
  return useRootMap(doc, ROOT.proposals, readProposals);
}
