import type { Block } from './layout/model';
import type { DocumentLabels } from './words';

/**
 * The audit chain's head as the paper keeps it, with its legend: `audit verify --head` compares
 * a mirror with it later, so a history rewritten since the print disagrees with the paper.
 */
export function anchorLine(labels: DocumentLabels, head: string | null | undefined): Block[] {
  if (head === null || head === undefined) return [];
  return [{ kind: 'text', text: labels.auditHead(head), size: 7, align: 'left' }];
}
