// The rundown: the next hours of the running order (played items first), each row coloured by its state and marked by
// its start mode, secondaries under their primary. Rows are selectable (click, or the arrow shortcuts) for "next".
import { esc } from './dom.js';
import { getJson, ApiError } from './api.js';
import { t } from './i18n.js';

/** The rundown from the server; before it has one, the plan (start, end, duration) with the on-air item marked. */
export async function load(number, onAirKey) {
  try {
    return (await getJson(`/api/channels/${number}/rundown?hours=3`)).items;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const plan = await getJson(`/api/channels/${number}/schedule/plan?hours=3`);
    const onAir = Math.max(0, plan.findIndex(item => item.key === onAirKey)); // the plan starts with the item on air
    return plan.map((item, i) => ({ ...item, startMode: null, state: i === onAir ? 'onair' : 'ready', secondaries: [] }));
  }
}

export function html(items, selectedKey) {
  if (items.length === 0) return `<p class="empty">${esc(t('emptyRundown'))}</p>`;
  const rows = items.map(item => `
    <tr class="item state-${esc(item.state)} mode-${esc(item.startMode ?? 'follow')}${item.key === selectedKey ? ' selected' : ''}${item.isBreak ? ' break' : ''}"
        data-key="${esc(item.key)}" data-id="${esc(item.id)}" data-state="${esc(item.state)}">
      <td class="tc">${esc(item.start ?? '')}</td><td class="tc">${esc(item.duration ?? '')}</td>
      <td class="mode">${esc(item.startMode ? t('mode.' + item.startMode) : '')}</td>
      <td class="title">${esc(item.title)}</td><td>${esc(item.id)}</td><td>${esc(t('kind.' + item.kind))}</td>
      <td><span class="pill state-${esc(item.state)}">${esc(t('item.' + item.state))}</span></td>
    </tr>${(item.secondaries ?? []).map(s => `
    <tr class="secondary state-${esc(s.state)}"><td></td><td class="tc">+${esc(s.offset ?? '')}</td><td></td>
      <td class="title">↳ ${esc(s.title ?? s.kind)}</td><td>${esc(s.id)}</td><td>${esc(s.kind)}</td><td>${esc(t('item.' + s.state))}</td></tr>`).join('')}`).join('');
  return `<table class="rundown"><thead><tr><th>${esc(t('col.start'))}</th><th>${esc(t('col.duration'))}</th><th>${esc(t('col.mode'))}</th>` +
    `<th>${esc(t('col.title'))}</th><th>${esc(t('col.id'))}</th><th>${esc(t('col.kind'))}</th><th>${esc(t('col.state'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
