/** The name of Alibaba Cloud's V3 signature algorithm, first word of its `Authorization` header. */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The ACS3 string to sign: `ACS3-HMAC-SHA256\n` followed by the hex SHA-256 of the canonical request. */
export function stringToSign(canonicalRequestHash: string): string {
  return `${ACS3_ALGORITHM}\n${canonicalRequestHash}`;
}
