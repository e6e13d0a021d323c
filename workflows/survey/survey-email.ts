// The email branch's activity, as this workflow calls it (its signature, until the branches merge).
export interface SurveyEmailActivities {
  sendTemplatedEmail(input: {
    idempotencyKey: string;
    template: 'acknowledgment' | 'agent_reply' | 'solved' | 'survey' | 'survey_reminder';
    ticketId: string;
    variables?: Record<string, string>;
  }): Promise<{ messageId: string; alreadySent: boolean }>;
}
