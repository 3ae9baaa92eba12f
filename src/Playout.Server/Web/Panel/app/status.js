// What the panel reads from one channel's update: its state, and its counters counted on in the server's frames.
import { framesOf, timecodeOf, fpsOf } from './timecode.js';

/** A stream update is sent every 80 ms; between two, the counters step on by the frames since, but never past this many. */
const maxFramesAhead = 5;

/**
 * What the programme shows and what comes next: an operator's break-in insert (inserted while a block is on air) is on
 * air from its first frame, and next while it counts down; otherwise the automation's event on air and next event.
 */
export function shownOf(a) {
  const insert = a?.insert?.event;
  if (!insert) return { onAir: a?.onAir ?? null, next: a?.next ?? null, insert: null };
  return insert.elapsed ? { onAir: insert, next: a.onAir, insert: a.insert } : { onAir: a.onAir, next: insert, insert: a.insert };
}

/** on air / insert / hold / waiting / filler / emergency / alarm (an active alarm outranks the rest). */
export function stateOf(channel) {
  const a = channel.automation;
  if (channel.engine.alarms.length > 0) return 'alarm';
  if (a?.emergency) return 'emergency';
  if (a?.insert?.event?.elapsed) return 'insert';
  if (!a || !a.onAir || a.onAir.kind === 'filler' || a.mode === 'idle') return 'filler';
  if (a.mode === 'held') return 'hold';
  if (a.mode === 'waiting') return 'waiting';
  return 'onair';
}

/** Frames the server's clock has moved on since the update was received (by the frame rate, capped). */
export function framesSince(channel, receivedAt, now) {
  const frames = Math.floor((now - receivedAt) / 1000 * fpsOf(channel.frameRate));
  return Math.max(0, Math.min(maxFramesAhead, frames));
}

/** Elapsed, remaining, countdown, a song's intro left (timecode) and progress (0..1) as of `ahead` frames after the update. */
export function countersOf(channel, ahead) {
  const a = channel.automation, rate = channel.frameRate;
  if (!a) return { tick: channel.engine.tick + ahead, elapsed: null, remaining: null, countdown: null, progress: null };
  const shown = shownOf(a);
  const elapsed = framesOf(shown.onAir?.elapsed, rate);
  const remaining = framesOf(shown.onAir?.remaining, rate);
  const countdown = framesOf(shown.next?.countdown, rate);
  const intro = framesOf(shown.onAir?.intro, rate);
  const on = v => v === null ? null : v + ahead;
  const down = v => v === null ? null : Math.max(0, v - ahead);
  const e = on(elapsed), r = down(remaining), i = down(intro);
  return {
    tick: a.tick + ahead,
    elapsed: e === null ? null : timecodeOf(e, rate),
    remaining: r === null ? null : timecodeOf(r, rate),
    countdown: down(countdown) === null ? null : timecodeOf(down(countdown), rate),
    // A song's intro left (the voice comes in at 0), while there is one.
    intro: i === null || i === 0 ? null : timecodeOf(i, rate),
    progress: e !== null && r !== null && e + r > 0 ? e / (e + r) : null,
    elapsedFrames: e, remainingFrames: r,
  };
}

/** A clock of the automation status ({at, in, inFrames}, or the older {start, countdown}) counted on by `ahead` frames. */
export function clockOf(clock, rate, ahead) {
  if (!clock) return null;
  const frames = clock.inFrames ?? framesOf(clock.in ?? clock.countdown, rate);
  return { title: clock.title, at: clock.at ?? clock.start, in: frames === null ? null : timecodeOf(Math.max(0, frames - ahead), rate) };
}
