// SMPTE timecode at a channel's frame rate, as the server writes it ("HH:MM:SS:FF"; drop-frame "HH:MM:SS;FF" at
// 29.97 and 59.94). The panel counts in frames of the server's clock and writes them back the same way.

const isDrop = rate => rate.den === 1001 && rate.num % 30000 === 0;
const nominal = rate => Math.round(rate.num / rate.den);

/** Frames in a timecode string; null for null. */
export function framesOf(text, rate) {
  if (text === null || text === undefined) return null;
  const match = /^(\d+):(\d{2}):(\d{2})[:;.](\d{2,3})$/.exec(text);
  if (!match) return null;
  const [h, m, s, f] = match.slice(1).map(Number);
  const fps = nominal(rate);
  let frames = ((h * 60 + m) * 60 + s) * fps + f;
  if (isDrop(rate)) {
    const drop = fps / 15; // 2 at 29.97, 4 at 59.94
    const minutes = h * 60 + m;
    frames -= drop * (minutes - Math.floor(minutes / 10));
  }
  return frames;
}

/** The timecode of a frame count (a duration, or a time of day from midnight). */
export function timecodeOf(frames, rate) {
  const fps = nominal(rate);
  const negative = frames < 0;
  let n = Math.abs(Math.trunc(frames));
  const drop = isDrop(rate);
  if (drop) {
    const dropped = fps / 15;
    const perTen = fps * 600 - dropped * 9;
    const perMinute = fps * 60 - dropped;
    const tens = Math.floor(n / perTen);
    let rest = n % perTen;
    n += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const f = n % fps, s = Math.floor(n / fps) % 60, m = Math.floor(n / (fps * 60)) % 60, h = Math.floor(n / (fps * 3600));
  const two = v => String(v).padStart(2, '0');
  return `${negative ? '-' : ''}${two(h)}:${two(m)}:${two(s)}${drop ? ';' : ':'}${two(f)}`;
}

/** Frames per second as a number. */
export const fpsOf = rate => rate.num / rate.den;
