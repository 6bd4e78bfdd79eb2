namespace FolderPrism.Views.Browser;

/// <summary>
/// The gallery's preview viewer, inlined into every collection page (no extra request, works offline of any CDN): a
/// click on a photo opens its screen-size preview in an overlay; dragging on it draws a box (pointer events, so a
/// finger on a phone works as a mouse does; <c>touch-action: none</c> keeps the drag from scrolling), then a name is
/// typed and POSTed as JSON to the photo's own URL (<see cref="FaceMarkHandler"/>). Without JavaScript the tile link
/// still opens the preview image.
/// </summary>
internal static class PreviewViewer
{
    public const string Style =
        "#pv{position:fixed;inset:0;background:#000e;display:flex;flex-direction:column;z-index:10}#pv[hidden],#pv-form[hidden],#pv-sel[hidden]{display:none}"
        + "#pv .bar{display:flex;gap:8px;align-items:center;padding:8px 12px;background:#222}#pv-title{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}"
        + "#pv-view{flex:1;display:flex;align-items:center;justify-content:center;min-height:0;padding:8px}"
        + "#pv-stage{position:relative;touch-action:none;user-select:none;-webkit-user-select:none;line-height:0;cursor:crosshair}"
        + "#pv-img{display:block;max-width:calc(100vw - 16px);max-height:calc(100vh - 150px);-webkit-user-drag:none}"
        + "#pv-sel,.mark{position:absolute;border:2px solid #fc3;box-sizing:border-box;pointer-events:none}.mark{border-color:#6f6}"
        + ".mark span{position:absolute;top:100%;left:0;background:#000a;color:#fff;font-size:12px;line-height:1.4;padding:1px 4px;white-space:nowrap}"
        + "#pv-form{display:flex;gap:6px;padding:8px 12px;background:#222}#pv-name{flex:1;min-width:0;font-size:16px;padding:6px}"
        + "#pv button{font-size:15px;padding:6px 12px}#pv-msg{padding:6px 12px;min-height:1.4em;font-size:14px}";

    public const string Markup =
        "<div id=\"pv\" hidden><div class=\"bar\"><span id=\"pv-title\"></span><button type=\"button\" id=\"pv-close\" aria-label=\"Close\">&#10005;</button></div>"
        + "<div id=\"pv-view\"><div id=\"pv-stage\"><img id=\"pv-img\" alt=\"\" draggable=\"false\"><div id=\"pv-sel\" hidden></div></div></div>"
        + "<form id=\"pv-form\" hidden><input id=\"pv-name\" name=\"name\" placeholder=\"Name\" autocomplete=\"off\" maxlength=\"200\" required>"
        + "<button type=\"submit\" id=\"pv-save\">Save</button><button type=\"button\" id=\"pv-cancel\">Cancel</button></form><div id=\"pv-msg\"></div></div>";

    public const string Script = """
        <script>
        (() => {
          const $ = id => document.getElementById(id);
          const pv = $('pv'), img = $('pv-img'), stage = $('pv-stage'), sel = $('pv-sel'), form = $('pv-form'), nameIn = $('pv-name'), msg = $('pv-msg');
          let photo = null, start = null, box = null, pointer = null;
          const draw = (el, b) => { el.style.left = b[0] * 100 + '%'; el.style.top = b[1] * 100 + '%'; el.style.width = b[2] * 100 + '%'; el.style.height = b[3] * 100 + '%'; };
          const reset = () => { sel.hidden = true; form.hidden = true; box = null; start = null; };
          const open = a => {
            photo = a.dataset.photo; $('pv-title').textContent = a.title; reset();
            stage.querySelectorAll('.mark').forEach(m => m.remove());
            img.src = a.getAttribute('href'); pv.hidden = false; msg.textContent = 'Drag a box around a face to name it.';
          };
          const close = () => { pv.hidden = true; img.removeAttribute('src'); photo = null; };
          document.querySelectorAll('a[data-photo]').forEach(a => a.addEventListener('click', e => { e.preventDefault(); open(a); }));
          $('pv-close').addEventListener('click', close);
          document.addEventListener('keydown', e => { if (e.key === 'Escape' && !pv.hidden) close(); });
          const at = e => {
            const r = img.getBoundingClientRect();
            return { x: Math.min(Math.max((e.clientX - r.left) / r.width, 0), 1), y: Math.min(Math.max((e.clientY - r.top) / r.height, 0), 1) };
          };
          stage.addEventListener('pointerdown', e => {
            if (!img.complete || !img.naturalWidth || e.button > 0) return;
            e.preventDefault(); stage.setPointerCapture(e.pointerId); pointer = e.pointerId; start = at(e); box = null; form.hidden = true;
          });
          stage.addEventListener('pointermove', e => {
            if (start === null || e.pointerId !== pointer) return;
            const p = at(e);
            box = [Math.min(start.x, p.x), Math.min(start.y, p.y), Math.abs(p.x - start.x), Math.abs(p.y - start.y)];
            sel.hidden = false; draw(sel, box);
          });
          stage.addEventListener('pointerup', e => {
            if (start === null || e.pointerId !== pointer) return;
            start = null;
            const r = img.getBoundingClientRect();
            if (!box || box[2] * r.width < 8 || box[3] * r.height < 8) { sel.hidden = true; box = null; return; }
            form.hidden = false; nameIn.value = ''; nameIn.focus(); msg.textContent = 'Who is this?';
          });
          stage.addEventListener('pointercancel', () => { start = null; sel.hidden = true; });
          $('pv-cancel').addEventListener('click', () => { reset(); msg.textContent = ''; });
          form.addEventListener('submit', async e => {
            e.preventDefault();
            const name = nameIn.value.trim();
            if (!name || !box || !photo) return;
            msg.textContent = 'Saving…';
            try {
              // location.origin: a relative URL would inherit user:password@ from the address bar, which fetch refuses.
              const res = await fetch(new URL(photo, location.origin), {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, box }) });
              if (res.status === 201) {
                const saved = await res.json();
                const mark = document.createElement('div'); mark.className = 'mark'; draw(mark, box);
                const label = document.createElement('span'); label.textContent = saved.person; mark.appendChild(label);
                stage.appendChild(mark); reset(); msg.textContent = 'Saved: ' + saved.person;
              } else {
                msg.textContent = res.status === 403 ? 'Not allowed: this account can only view.' : 'Could not save (' + res.status + ').';
              }
            } catch (err) { msg.textContent = 'Could not save: ' + err.message; }
          });
        })();
        </script>
        """;
}
