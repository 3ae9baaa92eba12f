// One channel: on air and next with their counters, the count-to clocks, the operator's actions, the rundown (or the
// as-run log, the alarms, the devices), the preview and the meters.
import { esc, find, setText } from './dom.js';
import { stateOf, countersOf, clockOf, shownOf } from './status.js';
import { barsOf, barsHtml, figuresOf } from './meters.js';
import { t } from './i18n.js';
import { actionButtons } from './actions.js';

export const tabs = ['rundown', 'asRun', 'alarms', 'devices'];

export function mount(root, ctx, number, tab) {
  const c = ctx.settings.channels[number - 1];
  root.innerHTML = `
  <section class="channel" data-channel="${number}">
    <div class="top">
      <div class="programme">
        ${c.hasPreview ? `<img class="preview" data-r="preview" alt="">` : `<div class="preview none">${esc(t('noPreview'))}</div>`}
        <div class="cued" data-r="cued-box" hidden><img data-r="cued" alt=""><span>${esc(t('cued'))}</span></div>
      </div>
      <div class="box onair">
        <h3>${esc(t('onAir'))} <span class="badge live" data-r="state"></span></h3>
        <div class="title live" data-r="onair-title"></div>
        <div class="meta live" data-r="onair-meta"></div>
        <div class="counters">
          <div><label>${esc(t('elapsed'))}</label><span class="tc live" data-r="elapsed"></span></div>
          <div><label>${esc(t('remaining'))}</label><span class="tc big live" data-r="remaining"></span></div>
          <div class="intro" data-r="intro-box" hidden><label>${esc(t('intro'))}</label><span class="tc big live" data-r="intro"></span></div>
        </div>
        <div class="progress"><span data-r="progress"></span></div>
      </div>
      <div class="box next">
        <h3>${esc(t('next'))}</h3>
        <div class="title live" data-r="next-title"></div>
        <div class="meta live" data-r="next-meta"></div>
        <div class="counters"><div><label>${esc(t('countdown'))}</label><span class="tc big live" data-r="countdown"></span></div></div>
      </div>
      <div class="box clocks">
        ${['nextFixed', 'nextManual', 'nextBreak', 'endOfAutomation'].map(k => `
          <div class="clock"><label>${esc(t('clock.' + k))}</label><span class="tc live" data-r="clock-${k}"></span><small class="live" data-r="clock-${k}-title"></small></div>`).join('')}
        <div class="clock"><label>${esc(t('timecode'))}</label><span class="tc live" data-r="timecode"></span><small class="live" data-r="tick"></small></div>
      </div>
    </div>
    ${actionButtons(ctx, c)}
    <nav class="tabs">${tabs.map(name => `<a href="#/channel/${number}/${name}" class="${name === tab ? 'active' : ''}" data-tab="${name}">${esc(t('tab.' + name))}</a>`).join('')}</nav>
    <div class="middle">
      <div class="main" data-r="main"></div>
      <aside class="side">
        <h3>${esc(t('audio'))}</h3>
        <div class="meters" data-r="meters"></div>
        <div class="loudness live" data-r="loudness"></div>
        <h3>${esc(t('alarms'))}</h3>
        <div data-r="channel-alarms"></div>
      </aside>
    </div>
  </section>`;
}

export function update(root, ctx, channel, ahead) {
  const a = channel.automation, rate = channel.frameRate;
  const counters = countersOf(channel, ahead);
  const state = stateOf(channel);
  const badge = find(root, 'state');
  setText(badge, t('state.' + state));
  badge.className = `badge live state-${state}`;
  const { onAir, next, insert } = shownOf(a);
  // A break-in says what it covers and who put it there.
  const over = e => e === insert?.event ? ` · ${t('insertOver', { block: insert.block, who: insert.who })}` : '';
  setText(find(root, 'onair-title'), onAir?.title ?? t('nothing'));
  setText(find(root, 'onair-meta'), onAir ? `${onAir.id} · ${t('kind.' + onAir.kind)} · ${t('since')} ${onAir.start}${over(onAir)}` : '');
  const elapsed = find(root, 'elapsed');
  setText(elapsed, counters.elapsed);
  elapsed.dataset.tick = counters.tick;
  elapsed.dataset.frames = counters.elapsedFrames ?? '';
  const remaining = find(root, 'remaining');
  setText(remaining, counters.remaining ?? t('open'));
  remaining.dataset.frames = counters.remainingFrames ?? '';
  find(root, 'progress').style.width = `${((counters.progress ?? 0) * 100).toFixed(1)}%`;
  setText(find(root, 'next-title'), next?.title ?? t('nothing'));
  const introBox = find(root, 'intro-box');
  introBox.hidden = counters.intro === null;
  setText(find(root, 'intro'), counters.intro ?? '');
  // The next song's intro: how long a presenter may talk over it.
  const introOf = e => e?.intro ? ` · ${t('intro')} ${e.intro}` : '';
  setText(find(root, 'next-meta'), next ? `${next.id} · ${t('kind.' + next.kind)}${next.start ? ' · ' + next.start : ''}${introOf(next)}${over(next)}` : '');
  setText(find(root, 'countdown'), next ? counters.countdown ?? (onAir === insert?.event ? t('afterInsert') : t('waitingForTake')) : null);
  const clocks = a?.clocks ?? { nextFixed: a?.nextFixed };
  for (const k of ['nextFixed', 'nextManual', 'nextBreak', 'endOfAutomation']) {
    const clock = clockOf(clocks[k], rate, ahead);
    setText(find(root, `clock-${k}`), clock?.in);
    setText(find(root, `clock-${k}-title`), clock ? `${clock.title ?? ''} ${clock.at ? '@ ' + clock.at : ''}` : '');
  }
  setText(find(root, 'timecode'), a?.timecode);
  setText(find(root, 'tick'), `${t('tick')} ${counters.tick}`);
  find(root, 'meters').innerHTML = barsHtml(barsOf(channel), false);
  const figures = figuresOf(channel);
  setText(find(root, 'loudness'), figures ? `M ${figures.momentary} · S ${figures.shortTerm} LUFS · ${t('itemIntegrated')} ${figures.item}` : t('loudnessOff'));
  root.querySelectorAll('[data-action="graphics"]').forEach(b => b.classList.toggle('on', a?.graphicsOn === true));
  root.querySelectorAll('[data-action="emergencyClear"]').forEach(b => b.classList.toggle('on', !!a?.emergency));
  root.querySelectorAll('[data-action="hold"]').forEach(b => b.classList.toggle('on', a?.mode === 'held'));
  root.querySelectorAll('[data-action="fallbackHold"]').forEach(b => b.classList.toggle('on', !!a?.fallbackHeldUntil));
  const held = find(root, 'fallback-held');
  if (held) setText(held, a?.fallbackHeldUntil ? t('fallbackHeld', { until: a.fallbackHeldUntil }) : '');
}
