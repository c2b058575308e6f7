import { requestSchemas } from '../../api-contract/request-schemas';

/**
 * The shape of a web origin an embed token may name, from the request schema (so the OpenAPI document says the
 * same): `http` or `https`, a host name of dot-separated DNS labels (1–63 letters, digits or hyphens, no hyphen at
 * either end; an IPv4 address is four such labels) or a bracketed IPv6 address, an optional port, and nothing after
 * it (no path, query, fragment or user info). `http://a..b`, `http://-a.vn` and `https://x.vn/` do not match.
 */
const WEB_ORIGIN = new RegExp(requestSchemas.CreateEmbedTokenRequest.properties.origins.items.pattern);

/**
 * The serialised origin (`scheme://host[:port]`, lower case, the default port left out) of a well-formed web origin,
 * or `undefined` when `value` is not one: the shape above, a host at most 253 characters long, a port from 1 to
 * 65535, and a value the URL parser reads as itself — `http://1.2.3` (which it would read as the IPv4 address
 * 1.2.0.3), `http://999.1.1.1` and `http://[0:0::1]` are refused rather than silently rewritten. Never throws.
 */
export function webOriginOf(value: string): string | undefined {
  if (value.length > 300 || !WEB_ORIGIN.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.hostname.length > 253 || url.port === '0') return undefined;
  const defaultPort = url.protocol === 'https:' ? ':443' : ':80';
  const written = value.toLowerCase();
  return written === url.origin || written === `${url.origin}${defaultPort}` ? url.origin : undefined;
}
