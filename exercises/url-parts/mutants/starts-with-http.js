// Accepts any scheme that starts with "http", such as httpx:// or https+evil://.
const DEFAULT_PORTS = { http: 80, https: 443 };

// scheme "://" authority path ["?" query] ["#" fragment]
const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
// a name (letters, digits, dots, hyphens) or an IPv6 address in brackets, then maybe ":port";
// no "@", so "user:password@" before the host is refused too
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]+))?$/;

class BadUrl extends Error {}

function decode(text) {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw new BadUrl("the query is not valid percent-encoded UTF-8");
  }
}

// "a=1&b=2&a=3" → { a: ["1", "3"], b: "2" }
function parseQuery(text) {
  const query = Object.create(null); // no prototype, so a name like "__proto__" is just a name
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const name = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : decode(pair.slice(equals + 1));
    if (!Object.hasOwn(query, name)) {
      query[name] = value;
    } else if (Array.isArray(query[name])) {
      query[name].push(value);
    } else {
      query[name] = [query[name], value];
    }
  }
  return query;
}

function parseUrl(text) {
  if (/\s/.test(text)) throw new BadUrl("a URL has no spaces; write a space as %20");
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) throw new BadUrl("every % must start an escape such as %20");

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (!scheme) throw new BadUrl("a URL starts with its scheme, such as https://");
  const name = scheme[1].toLowerCase();
  if (!name.startsWith("http")) throw new BadUrl(`only http and https links can be checked, not ${name}`);

  const parts = URL_SHAPE.exec(text);
  if (!parts) throw new BadUrl("after the scheme comes // and the host");
  const [, , authority, path, search, hash] = parts;
  const hostAndPort = AUTHORITY.exec(authority);
  if (!hostAndPort) throw new BadUrl("the host is missing or malformed, or has a user name before it");
  const [, host, portText] = hostAndPort;

  let port = DEFAULT_PORTS[name];
  if (portText !== undefined) {
    port = Number(portText);
    if (port < 1 || port > 65535) throw new BadUrl("a port is a number from 1 to 65535");
  }

  const fullPath = path || "/";
  const query = search === undefined ? "" : search.slice(1);
  return {
    scheme: name,
    host: host.toLowerCase(),
    port,
    path: fullPath,
    query: parseQuery(query),
    fragment: hash === undefined ? null : hash.slice(1),
    target: fullPath + (search ?? ""), // the fragment is never sent
  };
}

app.get("/links/check", (req, res) => {
  const url = req.query.url;
  if (typeof url !== "string") {
    return res.status(400).json({ error: "send exactly one URL, encoded, as ?url=" });
  }
  try {
    res.json(parseUrl(url));
  } catch (error) {
    if (!(error instanceof BadUrl)) throw error;
    res.status(400).json({ error: error.message });
  }
});
