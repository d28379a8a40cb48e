/**
 * Where a QR code sends a resident's phone: the residents' own app (`/me/`) on the server's
 * public address, as a kiosk or the office's browser reaches it. One place, so the kiosk's idle
 * screen, its activity posters and the office's printed posters all agree.
 */
export function phoneAppLink(origin: string): string {
  return new URL('/me/', origin).href;
}

/** An activity's own page in the residents' app, where they sign up. */
export function phoneActivityLink(origin: string, activityId: string): string {
  return new URL(`/me/activities/${encodeURIComponent(activityId)}`, origin).href;
}
