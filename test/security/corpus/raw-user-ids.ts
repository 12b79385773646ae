/**
 * Raw user ids the corpus sends where only a SHA-256 belongs: each must be refused, and none may come back
 * in an answer or a log line (the secret scan looks for every one of them).
 */
export const RAW_USER_IDS = {
  email: "mei.ling.tan+liveness@example.com",
  phone: "+6591234567",
  nationalId: "S8812345D",
  fullName: "Tan Mei Ling",
  unicodeName: "陈美玲-8812",
  username: "meiling_tan_1988",
} as const;
