// Alarms: the listed ones (active, and cleared ones not yet acknowledged) with severity, source and since, each with its
// acknowledge button for operators; and the history of raises, clears and acknowledgements since the service started.
import { esc } from './dom.js';
import { t } from './i18n.js';

const row = (a, canAck) => `<tr class="alarm sev-${esc(a.severity)}${a.clearedAt ? ' cleared' : ''}" data-alarm="${a.id}">
  <td>${esc(t('severity.' + a.severity))}</td><td>${esc(a.source)}</td><td>${esc(a.message)}</td><td class="tc">${esc(time(a.raisedAt))}</td>
  <td>${a.ack ? `${esc(t('ackBy'))} <b class="who">${esc(a.ack.who)}</b> ${esc(time(a.ack.at))}` : canAck ? `<button data-ack="${a.id}">${esc(t('acknowledge'))}</button>` : ''}</td></tr>`;

let zone = 'UTC';
export const setZone = z => { zone = z; };
const time = iso => iso ? new Date(iso).toLocaleTimeString('en-GB', { timeZone: zone, hour12: false }) : '';

/** The listed alarms: a table, or (beside the channel) one block per alarm. */
export function listHtml(alarms, canAck, compact = false) {
  if (alarms.length === 0) return `<p class="ok">${esc(t('noAlarms'))}</p>`;
  if (compact) return alarms.map(a => `<div class="alarm sev-${esc(a.severity)}${a.clearedAt ? ' cleared' : ''}" data-alarm="${a.id}">
    <b>${esc(t('severity.' + a.severity))}</b> ${esc(a.source)} <span class="tc">${esc(time(a.raisedAt))}</span><div>${esc(a.message)}</div>
    ${a.ack ? `${esc(t('ackBy'))} <b class="who">${esc(a.ack.who)}</b>` : canAck ? `<button data-ack="${a.id}">${esc(t('acknowledge'))}</button>` : ''}</div>`).join('');
  return `<table class="alarms"><tbody>${alarms.map(a => row(a, canAck)).join('')}</tbody></table>`;
}

/** An alarm event's kind by name (the server may send the enum's number). */
const kindOf = k => typeof k === 'number' ? ['raised', 'cleared', 'acknowledged'][k] : k;
const whenOf = e => ({ acknowledged: e.alarm.ack?.at, cleared: e.alarm.clearedAt })[kindOf(e.kind)] ?? e.alarm.raisedAt;

export function html(state, canAck) {
  const history = state.history.map(e => `<tr><td class="tc">${esc(time(whenOf(e)))}</td><td>${esc(t('event.' + kindOf(e.kind)))}</td>` +
    `<td>${esc(e.alarm.source)}</td><td>${esc(e.alarm.message)}</td><td class="who">${esc(kindOf(e.kind) === 'acknowledged' ? e.alarm.ack?.who ?? '' : '')}</td></tr>`).join('');
  return `<div class="alarm-view"><h3>${esc(t('listedAlarms'))}</h3>${listHtml(state.listed, canAck)}` +
    `<h3>${esc(t('history'))}</h3><table class="history"><tbody>${history}</tbody></table></div>`;
}
