// Devices: cards, outputs and GPI/other devices with their state; before the service reports them, each channel's outputs.
import { esc } from './dom.js';
import { getJson, ApiError } from './api.js';
import { t } from './i18n.js';

export async function load(update) {
  try {
    return await getJson('/api/devices');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return {
      cards: [], devices: [],
      outputs: (update?.channels ?? []).flatMap(c => c.engine.outputs.map((o, i) => ({ channel: c.name, index: i, type: o.name, target: '', state: 'ok', framesSent: o.counters.sent, dropped: o.counters.dropped }))),
    };
  }
}

const table = (heads, rows) => `<table><thead><tr>${heads.map(h => `<th>${esc(t('col.' + h))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
const state = s => `<span class="pill dev-${esc(s)}">${esc(s)}</span>`;

export function html(d) {
  return `<div class="devices">
    <h3>${esc(t('cards'))}</h3>${table(['channel', 'driver', 'output', 'state', 'detail'], d.cards.map(c =>
      `<tr><td>${esc(c.channel)}</td><td>${esc(c.driver)}</td><td>${esc(c.output)}</td><td>${state(c.state)}${c.genlocked ? ' 🔒' : ''}</td><td>${esc(c.detail)}</td></tr>`).join(''))}
    <h3>${esc(t('outputs'))}</h3>${table(['channel', 'type', 'target', 'state', 'sent', 'dropped'], d.outputs.map(o =>
      `<tr><td>${esc(o.channel)}</td><td>${esc(o.type)}</td><td>${esc(o.target)}</td><td>${state(o.state)}</td><td>${esc(o.framesSent)}</td><td>${esc(o.dropped)}</td></tr>`).join(''))}
    <h3>${esc(t('otherDevices'))}</h3>${table(['name', 'driver', 'state', 'lastAction'], d.devices.map(v =>
      `<tr><td>${esc(v.name)}</td><td>${esc(v.driver)}${v.identity ? ' · ' + esc(v.identity) : ''}</td><td>${state(v.state)} ${esc(v.error ?? '')}</td><td>${esc(v.lastAction ?? '')} ${esc(v.lastActionAt ?? '')}</td></tr>`).join(''))}
  </div>`;
}
