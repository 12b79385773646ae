// The element's shadow DOM. Colours and sizes come from custom properties (--lc-*), every piece has a `part`.
const CSS = `
:host{--lc-accent:#0b57d0;--lc-on-accent:#fff;--lc-bg:#fff;--lc-fg:#1f1f1f;--lc-muted:#474747;--lc-ok:#137333;
--lc-warn:#b3261e;--lc-radius:12px;--lc-font:system-ui,sans-serif;--lc-width:min(100%,420px);
display:block;color:var(--lc-fg);background:var(--lc-bg);font-family:var(--lc-font);border-radius:var(--lc-radius);
padding:16px;max-width:var(--lc-width);box-sizing:border-box}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){--lc-accent:#a8c7fa;--lc-on-accent:#062e6f;
--lc-bg:#1f1f1f;--lc-fg:#e3e3e3;--lc-muted:#c4c7c5;--lc-ok:#6dd58c;--lc-warn:#f2b8b5}}
:host([theme=dark]){--lc-accent:#a8c7fa;--lc-on-accent:#062e6f;--lc-bg:#1f1f1f;--lc-fg:#e3e3e3;--lc-muted:#c4c7c5;
--lc-ok:#6dd58c;--lc-warn:#f2b8b5}
[hidden]{display:none!important}
h2{font-size:1.15rem;margin:0 0 8px}
p{margin:8px 0;line-height:1.4}
.intro{color:var(--lc-muted)}
.stage{position:relative;aspect-ratio:3/4;width:100%;overflow:hidden;border-radius:var(--lc-radius);background:#000}
video,img{width:100%;height:100%;object-fit:cover;display:block}
video{transform:scaleX(-1)}
svg{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}
.mask{fill:rgba(0,0,0,.45)}
.oval{fill:none;stroke:#fff;stroke-width:4;stroke-dasharray:10 8;transition:stroke .2s}
.stage[data-guidance=ok] .oval{stroke:var(--lc-ok);stroke-dasharray:none;stroke-width:6}
.message{font-weight:600;min-height:1.4em}
[data-state=error] .message,[data-state=not-passed] .message{color:var(--lc-warn)}
[data-state=complete] .message{color:var(--lc-ok)}
progress{width:100%}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;font-weight:600;border-radius:999px;padding:10px 18px;cursor:pointer;
border:2px solid var(--lc-accent);background:transparent;color:var(--lc-accent)}
button.primary{background:var(--lc-accent);color:var(--lc-on-accent)}
button:focus-visible{outline:3px solid var(--lc-fg);outline-offset:2px}
@media (prefers-reduced-motion:reduce){.oval{transition:none}}
`;

const HTML = `
<div part="container" class="root" data-state="idle">
<h2 part="title" id="title"></h2>
<p part="intro" class="intro"></p>
<div part="stage" class="stage" hidden>
<video part="video" playsinline muted></video>
<img part="still" alt="" hidden>
<svg viewBox="0 0 300 400" aria-hidden="true" focusable="false">
<path class="mask" fill-rule="evenodd" d="M0 0H300V400H0Z M150 60a105 140 0 1 0 0.1 0Z"/>
<ellipse part="oval" class="oval" cx="150" cy="200" rx="105" ry="140"/>
</svg>
</div>
<p part="message" class="message" role="status" aria-live="polite" aria-atomic="true"></p>
<progress part="progress" max="100" value="0" hidden></progress>
<div part="actions" class="actions">
<button part="button primary-button" class="primary" type="button" data-action="start"></button>
<button part="button primary-button" class="primary" type="button" data-action="shutter" hidden></button>
<button part="button primary-button" class="primary" type="button" data-action="retry" hidden></button>
<button part="button" type="button" data-action="photo"></button>
</div>
<input type="file" accept="image/jpeg,image/png" hidden tabindex="-1">
</div>`;

/** The element's shadow content, made once per element. */
export function renderTemplate(root: ShadowRoot): void {
  root.innerHTML = `<style>${CSS}</style>${HTML}`;
}
