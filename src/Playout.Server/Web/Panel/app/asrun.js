// The as-run log of today's broadcast day (what went to air, and who acted on it), with its exports.
import { esc } from './dom.js';
import { getJson } from './api.js';
import { t } from './i18n.js';

export async function load(number) {
  const days = await getJson(`/api/channels/${number}/asrun`);
  const day = days.at(-1);
  return { day, entries: day ? await getJson(`/api/channels/${number}/asrun/${day}`) : [] };
}

export function html(number, { day, entries }) {
  const exports = day ? ['csv', 'xml', 'json'].map(f => `<button class="link" data-export="${f}" data-path="/api/channels/${number}/asrun/${day}?format=${f}" ` +
    `data-file="asrun-${number}-${day}.${f}">${f.toUpperCase()}</button>`).join(' ') : '';
  const rows = [...entries].reverse().map(e => `<tr class="status-${esc(e.status)}"><td class="tc">${esc(e.actualTimecode ?? e.plannedTimecode ?? '')}</td>` +
    `<td class="tc">${esc(e.actualDuration)}</td><td class="title">${esc(e.title)}</td><td>${esc(e.eventId)}</td><td>${esc(t('status.' + e.status))}</td>` +
    `<td class="who">${esc(e.actions ?? '')}</td></tr>`).join('');
  return `<div class="asrun"><p>${esc(t('asRunOf'))} ${esc(day ?? '—')} · ${esc(t('export'))}: ${exports}</p>` +
    `<table><thead><tr><th>${esc(t('col.start'))}</th><th>${esc(t('col.duration'))}</th><th>${esc(t('col.title'))}</th><th>${esc(t('col.id'))}</th>` +
    `<th>${esc(t('col.status'))}</th><th>${esc(t('col.actions'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
