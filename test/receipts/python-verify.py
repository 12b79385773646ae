# Verifies a liveness receipt the way a Python backend would, with PyJWT (Debian's python3-jwt) and nothing
# of liveness-kit: the key set is fetched from the proxy's /.well-known/jwks.json by PyJWKClient.
# Usage: python3 python-verify.py <jwks url> <issuer> <audience>  (the receipt on stdin)
# Prints the claims as JSON, or "refused: <reason>" and exits 1.
import json
import sys

import jwt

jwks_url, issuer, audience = sys.argv[1:4]
receipt = sys.stdin.read().strip()
try:
    header = jwt.get_unverified_header(receipt)
    if header.get("typ") != "liveness-receipt+jwt":
        raise jwt.InvalidTokenError("not a liveness receipt")
    key = jwt.PyJWKClient(jwks_url).get_signing_key_from_jwt(receipt)
    claims = jwt.decode(
        receipt,
        key.key,
        algorithms=["ES256"],
        audience=audience,
        issuer=issuer,
        options={"require": ["exp", "iat", "iss", "aud"]},
    )
except jwt.PyJWTError as error:
    print(f"refused: {type(error).__name__}")
    sys.exit(1)
print(json.dumps(claims))
