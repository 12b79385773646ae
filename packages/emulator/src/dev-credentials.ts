/**
 * The development key pair the emulator accepts when no keys are given. It is public on purpose: it opens
 * nothing but a local emulator, and the local proxy's configuration uses exactly these values.
 */
export const DEV_CREDENTIALS = Object.freeze({
  accessKeyId: "LTAI5tEmulatorDevKey00001",
  accessKeySecret: "emulator-dev-secret-do-not-use-in-production",
});
