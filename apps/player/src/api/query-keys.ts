/** Every cached query's key in one place, so updates and invalidations name the same thing. */
export const queryKeys = {
  topics: ["sessions.topics"] as const,
  session: (sessionId: string) => ["sessions.get", sessionId] as const,
  review: (sessionId: string) => ["sessions.review", sessionId] as const,
  profile: ["gamification.profile"] as const,
  recent: ["sessions.recent"] as const,
};
