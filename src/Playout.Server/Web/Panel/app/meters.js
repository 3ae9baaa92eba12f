// Audio bars: per programme pair, the PPM (or sample peak) of left and right in dBFS when the server sends meters, and
// the momentary and short-term loudness in LUFS beside them, on a scale from -60 to 0.
import { esc } from './dom.js';

const floor = -60;
const width = db => db === null || db === undefined ? 0 : Math.max(0, Math.min(100, (db - floor) / -floor * 100));
const figure = v => v === null || v === undefined ? '—' : v.toFixed(1);

/** Bars of a channel update's meters: [{label, db, clip}] */
export function barsOf(channel) {
  const m = channel.meters;
  if (!m) return [];
  if (m.pairs) return m.pairs.flatMap(p => ['L', 'R'].map((side, i) => ({ label: `${p.name} ${side}`, short: p.name.replace(/\D/g, '') + side, db: (p.ppm ?? p.peak)[i], clip: p.clip })));
  return (m.meters ?? []).flatMap(meter => [
    { label: `${meter.name} M`, short: 'M', db: meter.momentary },
    { label: `${meter.name} S`, short: 'S', db: meter.shortTerm },
  ]);
}

/** The loudness figures: momentary, short-term and the on-air item's integrated value. */
export function figuresOf(channel) {
  const m = channel.meters;
  if (!m) return null;
  const first = m.meters?.[0];
  return { momentary: figure(m.momentary ?? first?.momentary), shortTerm: figure(m.shortTerm ?? first?.shortTerm), item: figure(m.itemIntegrated) };
}

/** Thin horizontal bars on a tile; on the channel, a bridge of upright bars labelled by pair and side, with the level. */
export function barsHtml(bars, compact) {
  if (compact) return bars.map(b => `<div class="meter compact${b.clip ? ' clip' : ''}" title="${esc(b.label)}">` +
    `<span class="fill" style="width:${width(b.db).toFixed(1)}%"></span></div>`).join('');
  return `<div class="bridge">${bars.map(b => `<div class="upright${b.clip ? ' clip' : ''}" title="${esc(b.label)} ${figure(b.db)}">` +
    `<div class="column"><span class="fill" style="height:${width(b.db).toFixed(1)}%"></span></div><label>${esc(b.short ?? b.label)}</label></div>`).join('')}</div>`;
}
