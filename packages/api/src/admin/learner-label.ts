import type { AdminLearnerLabel } from "@chronicle/contracts";
import { createHash } from "node:crypto";
import { demoUsers } from "../auth/demo-users.ts";
import { ERASED_USER_ID } from "../privacy/erase-learner.ts";

const adjectives = [
  "Amber", "Brisk", "Calm", "Dapper", "Eager", "Fuzzy", "Gentle", "Hardy", "Ivory", "Jolly", "Keen", "Lucky", "Mellow", "Nimble", "Olive", "Plucky",
  "Quiet", "Rosy", "Sunny", "Tidy", "Upbeat", "Vivid", "Witty", "Young", "Zesty", "Bold", "Clever", "Daring", "Frosty", "Golden", "Humble", "Merry",
];
const animals = [
  "Otter", "Badger", "Heron", "Lynx", "Marten", "Falcon", "Gecko", "Ibis", "Koala", "Lemur", "Moose", "Newt", "Orca", "Panda", "Quail", "Raven",
  "Seal", "Tapir", "Urchin", "Vole", "Walrus", "Yak", "Zebra", "Beaver", "Crane", "Dingo", "Egret", "Ferret", "Gull", "Hare", "Impala", "Jackal",
];

/**
 * A readable, stable stand-in for a learner without a registered name: two words chosen by a
 * hash of the id, then the id's first four hex digits, so two learners never read the same and
 * staff can still match it to the id ("Amber Otter 3f2a").
 */
export function pseudonymOf(userId: string): string {
  const digest = createHash("sha256").update(userId).digest();
  return `${adjectives[digest[0]! % adjectives.length]} ${animals[digest[1]! % animals.length]} ${userId.slice(0, 4)}`;
}

/** How the admin names one learner: the demo learner and the erased placeholder by what they are, else the name, else a pseudonym. */
export function learnerLabel(userId: string, displayName: string | null): AdminLearnerLabel {
  if (userId === ERASED_USER_ID) return { userId, label: "Erased learners", kind: "erased" };
  if (userId === demoUsers.learner) return { userId, label: displayName ? `${displayName} (demo)` : "Demo learner", kind: "demo" };
  if (displayName) return { userId, label: displayName, kind: "named" };
  return { userId, label: pseudonymOf(userId), kind: "pseudonym" };
}
