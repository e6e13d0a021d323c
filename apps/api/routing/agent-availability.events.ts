/** The provider token of the listener AgentsService tells about availability changes (after they commit). */
export const AGENT_AVAILABILITY_LISTENER = Symbol('AGENT_AVAILABILITY_LISTENER');

/**
 * Told when an agent is set online (from away or offline, or again while online: see AgentsService.setAvailability),
 * after the change is committed: the place to hand them the tickets waiting in their groups' queues
 * (apps/api/tickets/ticket-queue-waker.ts).
 */
export interface AgentAvailabilityListener {
  agentBecameAvailable(userId: string): Promise<void>;
}
