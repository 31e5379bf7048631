import { chooseWorkstreamCard } from '../../pathway/workstream-choice';
import type { Capability } from '../../pathway/turn';

/** `workstream`: choose (or change) the workstream this conversation works on. */
export const workstreamCapability: Capability = {
  name: 'workstream',
  needsWorkstream: false,
  looksAtWorkstream: false,
  triggers: ['workstream', 'switch workstream', 'change workstream'],
  onText: (scope) => chooseWorkstreamCard(scope, scope.turn.actor, scope.turn.conversation.kind === 'channel'),
};
