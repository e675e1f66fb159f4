/** The desk talks to the hub over HTTPS; plain HTTP only to this machine (a hub on loopback). */
export function checkHubUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${text} is not a URL`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url;
  throw new Error(`refusing ${url.protocol}//${url.host}: the hub must be reached over https (plain http only to this machine)`);
}
