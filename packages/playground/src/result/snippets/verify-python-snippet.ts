import type { SnippetInput } from "./snippet-input.js";
import { verifyTarget } from "./verify-target.js";

/** Verifying the receipt in Python with PyJWT (`verify.py`): any language with a JOSE library works the same. */
export function verifyPythonSnippet(input: SnippetInput): string {
  const target = verifyTarget(input);
  return [
    "# verify.py: check a liveness receipt with PyJWT.   Run: python3 verify.py",
    '# (pip install "pyjwt[crypto]", or Debian\'s python3-jwt and python3-cryptography)',
    "import json",
    "import sys",
    "",
    "import jwt",
    "",
    `JWKS_URL = ${JSON.stringify(target.jwksUrl)}`,
    `ISSUER = ${JSON.stringify(target.issuer)}`,
    `AUDIENCE = ${JSON.stringify(target.audience)}  # the proxy's RECEIPT_AUDIENCE`,
    "# What your server knows about this user's pending check (never what the browser claims).",
    `expected = {"merchantBizId": ${JSON.stringify(target.expected.merchantBizId)}, "merchantUserId": ${JSON.stringify(target.expected.merchantUserId)}}`,
    ...(target.receipt
      ? ["# The receipt of the answer on screen.", `receipt = ${JSON.stringify(target.receipt)}`]
      : ["# No receipt on screen: pass one: python3 verify.py <receipt>", "receipt = sys.argv[1]"]),
    "",
    "try:",
    '    if jwt.get_unverified_header(receipt).get("typ") != "liveness-receipt+jwt":',
    '        raise jwt.InvalidTokenError("not a liveness receipt")',
    "    key = jwt.PyJWKClient(JWKS_URL).get_signing_key_from_jwt(receipt)",
    "    claims = jwt.decode(",
    "        receipt,",
    "        key.key,",
    '        algorithms=["ES256"],  # pinned: never "none", never an HMAC',
    "        audience=AUDIENCE,",
    "        issuer=ISSUER,",
    '        options={"require": ["exp", "iat", "iss", "aud", "jti"]},',
    "    )",
    "except jwt.PyJWTError as error:",
    '    print(f"refused: {type(error).__name__}: {error}", file=sys.stderr)',
    "    sys.exit(1)",
    "if any(claims.get(name) != value for name, value in expected.items()):",
    '    print("refused: not this user\'s check", file=sys.stderr)',
    "    sys.exit(1)",
    '# Then: accept each merchantBizId (or jti) once, and act on claims["passed"].',
    'print("Verified: passed" if claims["passed"] else "Verified: not passed", json.dumps(claims))',
    "",
  ].join("\n");
}
