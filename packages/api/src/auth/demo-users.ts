/** The development identities: the dev sign-in, `chronicle token` and the admin's labels use the same ids. */
export const demoUsers = {
  learner: "00000000-0000-4000-8000-00000000000a",
  admin: "00000000-0000-4000-8000-0000000000ad",
  service: "00000000-0000-4000-8000-00000000005e",
} as const;
