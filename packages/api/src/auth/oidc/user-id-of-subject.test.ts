import { describe, expect, it } from "vitest";
import { userIdOfSubject } from "./user-id-of-subject.ts";

describe("the Chronicle id of an OIDC subject", () => {
  it("is the RFC 9562 UUIDv5 of issuer and sub, the same one Python's uuid.uuid5 gives", () => {
    expect(userIdOfSubject("https://id.example.com", "ada")).toBe("57d71446-40e9-5305-b4f3-6107eaeb7400");
  });
  it("differs between issuers for the same sub, so two providers' 'ada' are two learners", () => {
    expect(userIdOfSubject("https://id.example.com", "ada")).not.toBe(userIdOfSubject("https://other.example.com", "ada"));
  });
});
