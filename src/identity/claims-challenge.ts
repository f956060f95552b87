// Reads a claims challenge from a resource's 401 answer:
//   WWW-Authenticate: Bearer realm="", authorization_uri="…", error="insufficient_claims", claims="<base64 JSON>"
// (Entra: "Claims challenges, claims requests and client capabilities"). Returns the
// decoded claims request to pass to Entra, or undefined when the header is no such challenge.
const maxHeaderChars = 8 * 1024;
// Bounded and without nested quantifiers: linear on any input.
const parameter = /([A-Za-z_]{1,40})\s{0,8}=\s{0,8}"([^"]{0,6000})"/g;

export function claimsFromChallenge(wwwAuthenticate: string | null | undefined): string | undefined {
  if (typeof wwwAuthenticate !== 'string' || wwwAuthenticate.length > maxHeaderChars) return undefined;
  if (!/^\s{0,8}Bearer\b/i.test(wwwAuthenticate)) return undefined;
  const params = new Map<string, string>();
  for (const match of wwwAuthenticate.matchAll(parameter)) params.set(match[1]!.toLowerCase(), match[2]!);
  const encoded = params.get('claims');
  if (params.get('error') !== 'insufficient_claims' || !encoded) return undefined;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return undefined;
  let decoded: string;
  try {
    decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const parsed: unknown = JSON.parse(decoded);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  } catch {
    return undefined;
  }
  return decoded;
}
