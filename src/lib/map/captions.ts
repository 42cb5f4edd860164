/**
 * Room around a framed route for what is drawn over the map: the "Offline map" note at the top
 * left, the caption of the stop the replay is at along the bottom, the attribution at the
 * bottom right, and stop labels that reach out to the right of their dot.
 */
export const CAPTION_PADDING = { top: 44, bottom: 72, left: 36, right: 96 };
