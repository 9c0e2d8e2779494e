/** Words the simulated products use: what learners search for, name files, choose in games. */

export const searchQueries = [
  "quadratic formula",
  "how to factor polynomials",
  "newton's second law examples",
  "mitochondria function",
  "standard deviation vs variance",
  "capital of australia",
  "balancing chemical equations",
  "heart chambers diagram",
  "pythagorean theorem proof",
  "ionic vs covalent bonds",
  // Free text sometimes carries contact details; the server scrubs them before storage.
  "send notes to maria.lopez@example.com",
  "call me on +34 612 345 678 about the exam",
  "student id 4485 2231 9987 grades",
] as const;

export const materialKinds = [
  { type: "pdf", extension: "pdf" },
  { type: "slides", extension: "pptx" },
  { type: "document", extension: "docx" },
  { type: "video", extension: "mp4" },
  { type: "web", extension: "html" },
] as const;

export const materialTitles = ["chapter", "lecture-notes", "summary", "worked-examples", "revision-sheet", "practice-set"] as const;

export const missions = [
  { id: "mission-alpha", name: "alpha" },
  { id: "mission-river-crossing", name: "river crossing" },
  { id: "mission-market-day", name: "market day" },
  { id: "mission-lost-robot", name: "lost robot" },
] as const;

export const storyChoices = ["help_friend", "share_supplies", "take_shortcut", "ask_the_elder", "build_bridge", "go_alone"] as const;
export const decisions = ["split_the_team", "wait_for_help", "vote_together", "lead_the_way"] as const;
export const failureReasons = ["ran out of time", "wrong tool", "fell off the bridge", "missed the clue"] as const;

export const timezones = ["Europe/Madrid", "Europe/London", "America/New_York", "America/Sao_Paulo", "Asia/Tokyo", "Africa/Nairobi"] as const;
export const userAgents = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148",
  "Mozilla/5.0 (Linux; Android 15; Pixel 8) Chrome/131.0 Mobile",
] as const;

export const aiModels = ["coach-small", "coach-large"] as const;
export const gameVersions = ["1.4.0", "1.4.1", "1.5.0"] as const;
