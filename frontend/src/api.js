// Calls to the frontlines REST API; an error answer ({"error": {"code", "message"}}) becomes an Error.

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
    else query.append(key, value);
  }
  const url = path + (query.toString() ? `?${query}` : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? `${body.error.code}: ${body.error.message}` : response.statusText;
    throw new Error(message);
  }
  return body;
}
