// The overview: a tile per channel with its preview, on-air title, remaining time, state and audio bars; a click opens it.
import { esc, find, setText } from './dom.js';
import { stateOf, countersOf, shownOf } from './status.js';
import { barsOf, barsHtml } from './meters.js';
import { t } from './i18n.js';

export function mount(root, ctx) {
  root.innerHTML = `<div class="tiles">${ctx.settings.channels.map(c => `
    <a class="tile" href="#/channel/${c.number}" data-channel="${c.number}">
      <header><span class="number">${c.number}</span> <span class="name">${esc(c.name)}</span> <span class="badge live" data-r="state"></span></header>
      ${c.hasPreview ? `<img class="preview" data-r="preview" alt="">` : `<div class="preview none">${esc(t('noPreview'))}</div>`}
      <div class="title live" data-r="title"></div>
      <div class="row"><span>${esc(t('remaining'))}</span> <span class="tc live" data-r="remaining"></span></div>
      <div class="meters" data-r="meters"></div>
    </a>`).join('')}</div>`;
}

export function update(root, ctx, ahead) {
  for (const channel of ctx.update?.channels ?? []) {
    const tile = root.querySelector(`.tile[data-channel="${channel.number}"]`);
    if (!tile) continue;
    const state = stateOf(channel);
    const badge = find(tile, 'state');
    setText(badge, t('state.' + state));
    badge.className = `badge live state-${state}`;
    tile.dataset.state = state;
    setText(find(tile, 'title'), shownOf(channel.automation).onAir?.title ?? channel.engine.outputs.length + ' ' + t('outputs'));
    setText(find(tile, 'remaining'), countersOf(channel, ahead(channel)).remaining ?? t('open'));
    find(tile, 'meters').innerHTML = barsHtml(barsOf(channel).slice(0, 4), true); // the first two pairs: the tile stays small
  }
}

/** The preview pictures the overview shows, with how often to fetch them. */
export const previews = root => [...root.querySelectorAll('.tile')].map(tile => ({ channel: +tile.dataset.channel, img: find(tile, 'preview') }))
  .filter(p => p.img);
