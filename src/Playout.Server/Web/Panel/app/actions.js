// Operator actions. Those that change what goes to air (take, release, skip, next, emergency and its end, a hold on the
// silence failover and its end) are armed by
// a first press and done by a second within a few seconds; a take right after a cut is held back (the server refuses
// one within takeDebounceMs too). Every action is done as the signed-in token, which the server logs with the time.
import { esc } from './dom.js';
import { post, remove } from './api.js';
import { t } from './i18n.js';

export const operatorActions = ['take', 'hold', 'release', 'skip', 'next', 'insert', 'emergency', 'emergencyClear', 'graphics'];
/** An engineer's edits of the schedule from the panel (beside loading a schedule file and running a script). */
export const engineerActions = ['deleteEvent'];
/** A channel with a silence failover (automation.fallback) also has its hold (intended silence) and the hold's end. */
export const fallbackActions = ['fallbackHold', 'fallbackRelease'];
const holdMinutes = [15, 30, 60, 120, 180];
const armedFirst = new Set(['take', 'release', 'skip', 'next', 'emergency', 'emergencyClear', 'deleteEvent', ...fallbackActions]);
const armSeconds = 4;

export const canAct = ctx => ctx.role === 'operator' || ctx.role === 'engineer';

/** The action bar of channel `channel` (its settings): none for viewers (they only see). */
export function actionButtons(ctx, channel) {
  if (!canAct(ctx)) return '';
  const key = action => ctx.settings.shortcuts[action] ? ` <kbd>${esc(ctx.settings.shortcuts[action])}</kbd>` : '';
  const button = a => `<button data-action="${a}" class="action act-${a}">${esc(t('action.' + a))}${key(a)}</button>`;
  return `<div class="actions">
    ${operatorActions.map(button).join('')}
    <select data-r="emergency-to" title="${esc(t('emergencyTo'))}">
      ${['filler', 'slate', 'input'].map(to => `<option value="${to}">${esc(t('emergency.' + to))}</option>`).join('')}
    </select>
    <input data-r="emergency-input" placeholder="${esc(t('inputName'))}" size="10">
    ${channel.hasFallback ? `<span class="fallback">${button('fallbackHold')}
      <select data-r="fallback-minutes" title="${esc(t('fallbackMinutes'))}">
        ${holdMinutes.map(m => `<option value="${m}"${m === 30 ? ' selected' : ''}>${esc(t('minutes', { m }))}</option>`).join('')}
      </select>${button('fallbackRelease')}<small class="live" data-r="fallback-held"></small></span>` : ''}
    ${ctx.role === 'engineer' ? `${engineerActions.map(a => `<button data-action="${a}" class="action act-${a}">${esc(t('action.' + a))}${key(a)}</button>`).join('')}
      <label class="button">${esc(t('loadSchedule'))}<input type="file" data-r="schedule-file" hidden></label>
      <label class="button">${esc(t('runScript'))}<input type="file" accept=".csx,.cs,text/plain" data-r="script-file" hidden></label>` : ''}
  </div>`;
}

export class Operator {
  constructor(ctx, say) {
    this.ctx = ctx;
    this.say = say;
    this.armed = null;
    this.timer = null;
    this.lastTake = -Infinity;
  }

  /** Cancels an armed action. */
  disarm() {
    clearTimeout(this.timer);
    this.armed = null;
    document.querySelectorAll('.action.armed').forEach(b => b.classList.remove('armed'));
  }

  /** A press of an action's button or key, on channel `number`; `view` gives the selected event and the emergency target. */
  async press(action, number, view) {
    if (!canAct(this.ctx) || engineerActions.includes(action) && this.ctx.role !== 'engineer') return;
    if (action === 'insert') return view.openInsert();
    if (fallbackActions.includes(action) && !this.ctx.settings.channels[number - 1]?.hasFallback) return;
    if (armedFirst.has(action) && this.armed !== action) {
      this.disarm();
      this.armed = action;
      document.querySelectorAll(`.action.act-${action}`).forEach(b => b.classList.add('armed'));
      this.say(t('armed', { action: t('action.' + action) }), 'armed');
      this.timer = setTimeout(() => this.disarm(), armSeconds * 1000);
      return;
    }
    this.disarm();
    if (action === 'take') {
      const since = performance.now() - this.lastTake;
      if (since < this.ctx.settings.takeDebounceMs) return this.say(t('takeIgnored', { ms: Math.round(since) }), 'refused');
      this.lastTake = performance.now();
    }
    const request = this.request(action, number, view);
    if (!request) return;
    try {
      await (request.method === 'DELETE' ? remove(request.path) : post(...request));
      this.say(t('done', { action: t('action.' + action) }), 'done');
      view.acted(action);
    } catch (error) {
      this.say(`${t('action.' + action)}: ${error.message}`, 'refused');
    }
  }

  request(action, number, view) {
    const base = `/api/channels/${number}`;
    switch (action) {
      case 'next': {
        const id = view.selectedId();
        if (!id) { this.say(t('selectFirst'), 'refused'); return null; }
        return [`${base}/next?id=${encodeURIComponent(id)}`];
      }
      case 'emergency': {
        const to = view.emergencyTarget();
        return [`${base}/emergency`, to.to === 'input' ? to : { to: to.to }];
      }
      case 'emergencyClear': return [`${base}/emergency/clear`];
      case 'deleteEvent': {
        const event = view.selectedEvent();
        if (!event) { this.say(t('selectFirst'), 'refused'); return null; }
        return { method: 'DELETE', path: `${base}/schedule/${event.day}/events/${encodeURIComponent(event.id)}` };
      }
      case 'graphics': return [`${base}/graphics?on=${!view.graphicsOn()}`];
      case 'fallbackHold': return [`${base}/fallback/hold?minutes=${view.fallbackMinutes()}`];
      case 'fallbackRelease': return [`${base}/fallback/release`];
      default: return [`${base}/${action}`];
    }
  }
}
