/**
 * The site's one stylesheet and its small script, served from /assets with a content hash as ETag.
 * The pages work without the script: it only adds autosave of a draft answer and upload progress.
 */
import { createHash } from 'node:crypto';
import { ATTACHMENT_TYPES } from '../../shared/workflow/attachments';

/** Filename extension → media type: the upload declares the type its extension stands for, whatever the browser guessed. */
const TYPE_BY_EXTENSION: Record<string, string> = Object.fromEntries(Object.entries(ATTACHMENT_TYPES).flatMap(([type, exts]) => exts.map((ext) => [ext, type])));

export const APP_CSS = `
:root {
  color-scheme: light;
  --ink: #1b1f24; --muted: #4a5260; --line: #c9ced6; --paper: #ffffff; --wash: #f4f6f9;
  --brand: #1f3c88; --brand-dark: #152a61; --focus: #ffbf47; --danger: #a4161a;
  --draft-bg: #eceff3; --draft-fg: #333a45;
  --submitted-bg: #e1ebfb; --submitted-fg: #173a7a;
  --returned-bg: #fde9e7; --returned-fg: #8a1c12;
  --approved-bg: #e3f3e6; --approved-fg: #1b5e20;
  --published-bg: #ece6f6; --published-fg: #46278f;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { color: var(--brand-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: 0.5rem; top: -10rem; z-index: 10; background: var(--paper); color: var(--brand); padding: 0.5rem 1rem; font-weight: 600; }
.skip-link:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-header { background: var(--brand); color: #fff; border-bottom: 4px solid var(--brand-dark); }
.site-header .bar { max-width: 72rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
.site-header a { color: #fff; }
.brand { font-weight: 700; font-size: 1.05rem; text-decoration: none; }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; align-items: center; }
.site-nav .who { color: #e6ebf5; font-size: 0.9rem; }
.site-nav form { margin: 0; }
.link-button { background: none; border: 0; padding: 0; color: var(--brand); font: inherit; text-decoration: underline; cursor: pointer; }
.site-header .link-button { color: #fff; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
.panel > :first-child { margin-top: 0; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 1.25rem 0 0.5rem; }
p, ul, ol { margin: 0.5rem 0; }
.lead { font-size: 1.1rem; color: var(--muted); }
.muted { color: var(--muted); }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0 0 0.5rem; font-size: 0.95rem; }
.breadcrumbs li + li::before { content: "›"; margin-right: 0.25rem; color: var(--muted); }
.status { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.status-draft { background: var(--draft-bg); color: var(--draft-fg); }
.status-submitted { background: var(--submitted-bg); color: var(--submitted-fg); }
.status-returned { background: var(--returned-bg); color: var(--returned-fg); }
.status-approved { background: var(--approved-bg); color: var(--approved-fg); }
.status-published { background: var(--published-bg); color: var(--published-fg); }
.meta-list { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.meta-list dt { font-weight: 600; }
.meta-list dd { margin: 0; }
.goal-title { font-weight: 400; }
.goal-title .label, .target-label { font-weight: 700; color: var(--brand); }
.sections { list-style: none; padding: 0; margin: 0.5rem 0 1rem; border-top: 1px solid var(--line); }
.sections li { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; justify-content: space-between; padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
.sections .section-link { flex: 1 1 20rem; }
.sections .section-facts { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; font-size: 0.9rem; color: var(--muted); }
.notice { border-left: 6px solid var(--brand); background: var(--paper); padding: 0.75rem 1rem; margin: 1rem 0; }
.notice-success { border-left-color: var(--approved-fg); }
.notice-warning, .comment { border-left-color: var(--returned-fg); }
.notice h2, .notice h3 { margin-top: 0; font-size: 1.1rem; }
.error-summary { border: 3px solid var(--danger); background: var(--paper); padding: 0.75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; font-size: 1.15rem; color: var(--danger); }
.field { margin: 1rem 0; }
.field label, .field .label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { display: block; color: var(--muted); font-size: 0.92rem; margin: 0 0 0.35rem; }
.error-message { display: block; color: var(--danger); font-weight: 600; margin: 0.25rem 0; }
textarea, input[type="text"], input[type="email"], select, input[type="file"] { font: inherit; color: var(--ink); background: var(--paper); border: 2px solid #5c6370; border-radius: 4px; padding: 0.4rem 0.5rem; max-width: 100%; }
textarea { width: 100%; min-height: 16rem; line-height: 1.5; }
textarea.short { min-height: 6rem; }
[aria-invalid="true"] { border-color: var(--danger); }
.checkbox { display: flex; gap: 0.5rem; align-items: flex-start; }
.checkbox input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; }
.checkbox label { font-weight: 400; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.button { display: inline-block; font: inherit; font-weight: 600; line-height: 1.2; padding: 0.55rem 1rem; border-radius: 4px; border: 2px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; }
.button:hover { background: var(--brand-dark); border-color: var(--brand-dark); color: #fff; }
.button.secondary { background: var(--paper); color: var(--brand); }
.button.secondary:hover { background: var(--wash); color: var(--brand-dark); }
.button.danger { background: var(--paper); color: var(--danger); border-color: var(--danger); }
.button[disabled] { background: #d5d9df; border-color: #a9b0bb; color: #3d4350; cursor: not-allowed; }
.inline-form { display: inline; margin: 0; }
.answer { overflow-wrap: anywhere; }
.answer > :first-child { margin-top: 0; }
.answer table { border-collapse: collapse; }
.answer th, .answer td { border: 1px solid var(--line); padding: 0.2rem 0.4rem; }
.nothing { font-style: italic; color: var(--muted); }
.preview { border: 2px dashed var(--line); background: var(--paper); padding: 0.75rem 1rem; }
.compare { background: var(--paper); border: 1px solid var(--line); padding: 0.75rem 1rem; }
.compare pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.95rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); padding: 0.5rem; margin: 0.5rem 0 0; max-height: 20rem; overflow: auto; }
.attachments-list { padding-left: 1.25rem; }
.attachments-list li { margin: 0.35rem 0; }
progress { width: 100%; max-width: 24rem; height: 1.25rem; }
.in-progress { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted); }
.thread { margin: 0.75rem 0; }
.thread h3, .thread h4, .thread h5 { font-size: 1rem; margin: 0.5rem 0; }
.comments { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
.comment-entry { border-left: 4px solid var(--line); padding: 0.25rem 0.75rem; background: var(--wash); }
.comment-return { border-left-color: var(--returned-fg); }
.comment-reply { border-left-color: var(--submitted-fg); }
.comment-internal { border-left-style: dashed; }
.comment-meta { margin: 0; font-size: 0.9rem; }
.comment-text { margin: 0.25rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.35rem; margin: 0 0.25rem; }
.review-panel .decisions { padding-left: 1.25rem; }
.error-text { color: var(--danger); }
.in-review { margin: 0.5rem 0; }
.consequences { font-size: 1.05rem; }
.changes { border-left: 4px solid var(--submitted-fg); background: var(--wash); padding: 0.25rem 0.75rem; margin: 0.75rem 0; }
.changes h3, .changes h4, .changes h5 { font-size: 1rem; margin: 0.5rem 0; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--paper); border: 1px solid var(--line); padding: 0.5rem 0.75rem; line-height: 1.7; }
.diff ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; background: var(--approved-bg); color: var(--approved-fg); }
.diff del { text-decoration: line-through; text-decoration-thickness: 2px; background: var(--returned-bg); color: var(--returned-fg); }
.revision-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.95rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--paper); border: 1px solid var(--line); padding: 0.5rem 0.75rem; }
.changed-mark { font-weight: 700; margin-left: 0.15rem; }
.section-links { font-size: 0.95rem; }
.edition { color: var(--muted); }
ul.plain { margin: 0.25rem 0 0; padding-left: 1.1rem; }
.review-section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
.review-section h4 { margin: 0 0 0.5rem; font-size: 1rem; }
.review-section header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between; align-items: baseline; }
details > summary { cursor: pointer; color: var(--brand); font-weight: 600; padding: 0.25rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
.filters .field { margin: 0; min-width: 0; max-width: 100%; }
.filters select { width: 100%; }
.cycle-title { font-weight: 400; }
.field input[type="text"], .field input[type="email"] { width: 100%; max-width: 40rem; }
.table-scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--line); background: var(--paper); }
.table-scroll:focus-visible { outline-offset: 0; }
table.data { border-collapse: collapse; width: 100%; background: var(--paper); }
table.data caption { text-align: left; font-weight: 600; padding: 0.5rem; caption-side: top; }
table.data th, table.data td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
table.data thead th { background: var(--wash); }
table.matrix th, table.matrix td { padding: 0.25rem 0.2rem; font-size: 0.8rem; text-align: center; white-space: nowrap; }
table.matrix td { padding: 0; }
table.matrix a.cell-link { display: block; padding: 0.25rem 0.2rem; min-width: 1.5rem; color: inherit; text-decoration: none; }
table.matrix a.cell-link:hover { text-decoration: underline; }
table.matrix a.cell-link:focus-visible { outline-offset: -3px; }
table.matrix th[scope="row"] { text-align: left; position: sticky; left: 0; background: var(--paper); z-index: 1; white-space: normal; min-width: 7rem; max-width: 9rem; }
table.matrix thead th[scope="col"] { font-size: 0.75rem; padding: 0.25rem 0.15rem; }
table.matrix caption { white-space: normal; }
table.matrix td.status-draft, table.matrix td.status-submitted, table.matrix td.status-returned, table.matrix td.status-approved { font-weight: 700; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; font-size: 0.9rem; }
.site-footer { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); }
.notice-list { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
.notice-list input[type=checkbox] { width: 1.25rem; height: 1.25rem; margin-right: 0.5rem; vertical-align: middle; }
.demo-users { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.demo-users li { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
.any-rapporteur { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; justify-content: space-between; width: 100%; }
.any-rapporteur .field { margin: 0; flex: 1 1 16rem; min-width: 0; }
.any-rapporteur select { width: 100%; max-width: 28rem; }
.report-body h2 { border-bottom: 2px solid var(--brand); padding-bottom: 0.2rem; }
.cycle-switcher { display: flex; gap: 0.4rem; align-items: center; font-size: 0.9rem; }
.cycle-switcher select { padding: 0.15rem 0.3rem; border-color: #fff; }
.button.small { padding: 0.2rem 0.6rem; font-size: 0.9rem; background: var(--paper); color: var(--brand); border-color: #fff; }
.commitment { background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--published-fg); border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
.commitment h3, .commitment h4 { margin: 0 0 0.35rem; font-size: 1rem; }
.beside { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1rem; align-items: start; }
.beside > .commitment { margin-top: 0.75rem; }
.mark { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0 0.35rem; border-radius: 4px; border: 1px solid currentColor; margin: 0.1rem 0.15rem 0 0; white-space: nowrap; }
.mark-overdue, .mark-late { color: var(--returned-fg); background: var(--returned-bg); }
.mark-extended { color: var(--submitted-fg); background: var(--submitted-bg); }
.cycle-status { font-weight: 700; }
.cycle-planned { color: var(--draft-fg); }
.cycle-open { color: var(--approved-fg); }
.cycle-closed { color: var(--returned-fg); }
.question-link { font-size: 0.9rem; }
.answers-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 0.75rem; }
.country-answer { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; min-width: 0; }
.country-answer header { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; justify-content: space-between; }
.country-answer h2 { font-size: 1.1rem; margin: 0 0 0.35rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0.75rem 0; padding: 0.5rem 1rem; min-width: 0; }
legend { font-weight: 700; padding: 0 0.25rem; }
input[type="number"], input[type="date"] { font: inherit; color: var(--ink); background: var(--paper); border: 2px solid #5c6370; border-radius: 4px; padding: 0.4rem 0.5rem; max-width: 100%; }
.report-body h4 { font-style: italic; font-weight: 400; margin: 1.25rem 0 0.25rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.45rem; }
  main { padding: 1rem 0.75rem 2rem; }
  .panel { padding: 0.75rem; }
  .meta-list { grid-template-columns: 1fr; }
  .meta-list dd { margin-bottom: 0.35rem; }
  .beside { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  .site-header, .site-footer, .skip-link, form, .actions { display: none !important; }
  body { background: #fff; }
}
`.trim();

/** Autosave (If-Match etag, stops at a conflict) and attachment upload with progress. */
export const APP_JS = `
(function () {
  'use strict';
  function $(selector, root) { return (root || document).querySelector(selector); }

  // A confirmation just shown: focus moves to it, so that it is announced where the user is.
  var flash = $('[data-flash]');
  if (flash) { flash.focus(); flash.scrollIntoView({ block: 'center' }); }

  // Autosave: the editor form posts the answer with its etag in If-Match a moment after typing stops.
  // The text typed is also kept in this browser (localStorage, keyed by cycle/country/section and the
  // version it is based on) until it is saved, so that a reload or a crash never loses it.
  var form = $('form[data-autosave]');
  if (form) {
    var status = $('#autosave-status');
    var textarea = form.querySelector('textarea[name="text"]');
    var etagField = form.querySelector('input[name="etag"]');
    var ntrBox = form.querySelector('input[name="nothingToReport"]');
    var timer = null;
    var stopped = false;
    var submitting = false;
    var lastSent = textarea ? textarea.value : '';
    /** What the server has: leaving the page with anything else in the box asks first. */
    var savedText = lastSent;
    var prefix = 'ar-draft:' + form.getAttribute('data-draft-key') + '@v';
    function say(message) { if (status) status.textContent = message; }
    function versionOf(etag) { var m = /-v([0-9]+)-/.exec(etag || ''); return m ? m[1] : '0'; }
    function draftKey() { return prefix + versionOf(etagField.value); }
    function store(key, value) { try { if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off: autosave still runs */ } }
    function keep() {
      if (!textarea) return;
      if (textarea.value === savedText) store(draftKey(), null);
      else store(draftKey(), { text: textarea.value, nothingToReport: !!(ntrBox && ntrBox.checked), at: new Date().toISOString() });
    }
    function notice(id, kind, html) {
      var box = document.createElement('div');
      box.id = id;
      box.className = 'notice ' + kind;
      box.setAttribute('role', 'status');
      box.innerHTML = html;
      form.parentNode.insertBefore(box, form);
      return box;
    }
    function escapeHtml(text) { return text.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
    function timeOf(iso) { var d = new Date(iso); return isNaN(d.getTime()) ? 'earlier' : d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' }); }
    // Drafts kept in this browser: the same text as the box is saved already; one on this version comes back into the box; one on an older version is shown to copy from.
    (function restore() {
      if (!textarea) return;
      var keys = [];
      try { for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); if (k && k.indexOf(prefix) === 0) keys.push(k); } } catch (e) { return; }
      keys.forEach(function (key) {
        var draft;
        try { draft = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { draft = null; }
        if (!draft || draft.text === textarea.value) { store(key, null); return; }
        if (key === draftKey()) {
          var original = textarea.value;
          var originalNtr = ntrBox ? ntrBox.checked : false;
          textarea.value = draft.text;
          if (ntrBox) ntrBox.checked = !!draft.nothingToReport;
          var box = notice('draft-restored', 'notice-info', '<p><strong>Your unsaved text from ' + escapeHtml(timeOf(draft.at)) + ' is back in the box.</strong> It was kept in this browser and is not saved yet: press Save to keep it.</p><p><button type="button" class="button secondary">Discard it and show the saved answer</button></p>');
          box.querySelector('button').addEventListener('click', function () {
            textarea.value = original;
            if (ntrBox) ntrBox.checked = originalNtr;
            store(key, null);
            box.remove();
            textarea.focus();
          });
        } else {
          var older = notice('draft-older', 'notice-warning', '<p><strong>Unsaved text of yours from ' + escapeHtml(timeOf(draft.at)) + ' is kept in this browser.</strong> The section was saved since, so it is not in the box: copy what you need from it into the answer.</p><label for="draft-older-text">Your unsaved text</label><textarea id="draft-older-text" rows="8" readonly></textarea><p><button type="button" class="button secondary">I have copied what I need: forget it</button></p>');
          older.querySelector('textarea').value = draft.text;
          older.querySelector('button').addEventListener('click', function () { store(key, null); older.remove(); textarea.focus(); });
        }
      });
    })();
    function save() {
      if (stopped || !textarea || textarea.value === lastSent) return;
      var body = new URLSearchParams(new FormData(form));
      body.set('intent', 'autosave');
      var sent = textarea.value;
      var basedOn = draftKey();
      say('Saving draft…');
      fetch(form.action, {
        method: 'POST',
        headers: { 'If-Match': etagField.value, 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (data) { return { response: response, data: data }; });
      }).then(function (result) {
        var code = result.response.status;
        if (result.response.ok) {
          etagField.value = result.data.etag;
          lastSent = sent;
          savedText = sent;
          store(basedOn, null);
          keep();
          say('Draft saved at ' + new Date(result.data.updatedAt).toLocaleTimeString() + '.');
        } else if (code === 401) {
          stopped = true;
          var expired = $('#session-expired');
          if (expired) expired.hidden = false;
          say('Your session has expired: your draft is no longer saved automatically, but it is kept in this browser. Use the link below to sign in again in a new tab, then press Save.');
        } else if (code === 400) {
          // The text as it is cannot be saved (say, an answer with “nothing to report” ticked): nothing else changed; autosave tries again after the next change.
          lastSent = sent;
          var problem = result.data || {};
          say('Not saved automatically: ' + ((problem.errors && problem.errors[0]) ? 'the answer ' + problem.errors[0].message + '.' : (problem.detail || 'the answer cannot be saved as it is.')) + ' Your text is still in the box.');
        } else if (code === 412 || code === 428) {
          stopped = true;
          say('Not saved automatically: this section was saved elsewhere since you opened this page. Your text is still in the box and kept in this browser. Press Save to see your version and the saved one side by side.');
        } else {
          stopped = true;
          say((result.data && result.data.detail ? result.data.detail + ' ' : '') + 'Automatic saving has stopped. Your text is still in the box and kept in this browser; copy it before you leave this page.');
        }
      }).catch(function () { say('Could not save the draft automatically (is the connection down?). Your text is still in the box and kept in this browser; press Save to try again.'); });
    }
    if (textarea) {
      textarea.addEventListener('input', function () { keep(); clearTimeout(timer); timer = setTimeout(save, 1500); });
    }
    if (ntrBox) ntrBox.addEventListener('change', function () { keep(); lastSent = null; clearTimeout(timer); timer = setTimeout(save, 300); });
    form.addEventListener('submit', function () { keep(); clearTimeout(timer); stopped = true; submitting = true; });
    // Leaving with text the server does not have asks first (the text also stays in this browser).
    window.addEventListener('beforeunload', function (event) {
      if (submitting || !textarea || textarea.value === savedText) return;
      event.preventDefault();
      event.returnValue = '';
    });
  }

  // Upload: request a presigned URL from the server, PUT the file with progress, then complete.
  var TYPES = ${JSON.stringify(TYPE_BY_EXTENSION)};
  function typeOf(file) {
    var dot = file.name.lastIndexOf('.');
    var ext = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
    return (Object.prototype.hasOwnProperty.call(TYPES, ext) && TYPES[ext]) || file.type || 'application/octet-stream';
  }
  var upload = $('form[data-upload]');
  if (upload) {
    var fileInput = upload.querySelector('input[type="file"]');
    var progress = $('#upload-progress');
    var uploadStatus = $('#upload-status');
    var csrf = upload.querySelector('input[name="_csrf"]').value;
    var button = upload.querySelector('button');
    var js = $('#upload-js');
    if (js) js.hidden = false;
    var noJs = $('#upload-nojs');
    if (noJs) noJs.hidden = true;
    upload.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = fileInput.files && fileInput.files[0];
      if (!file) { uploadStatus.textContent = 'Choose a file first.'; fileInput.focus(); return; }
      button.disabled = true;
      uploadStatus.className = '';
      uploadStatus.textContent = 'Preparing the upload of ' + file.name + '…';
      fetch(upload.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ filename: file.name, contentType: typeOf(file), size: file.size }),
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) throw new Error(describe(data, file));
          return data;
        });
      }).then(function (ticket) {
        return new Promise(function (resolve, reject) {
          var xhr = new XMLHttpRequest();
          xhr.open(ticket.method, ticket.uploadUrl);
          Object.keys(ticket.headers).forEach(function (name) {
            // Browsers set Content-Length themselves and refuse to let scripts set it.
            if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, ticket.headers[name]);
          });
          progress.hidden = false;
          progress.value = 0;
          xhr.upload.onprogress = function (e) {
            if (e.lengthComputable) {
              progress.max = e.total; progress.value = e.loaded;
              uploadStatus.textContent = 'Uploading ' + file.name + ': ' + Math.round(e.loaded / e.total * 100) + '%';
            }
          };
          xhr.onload = function () { xhr.status >= 200 && xhr.status < 300 ? resolve(ticket) : reject(new Error('The storage refused the upload (HTTP ' + xhr.status + ').')); };
          xhr.onerror = function () { reject(new Error('The upload failed; check your connection and try again.')); };
          xhr.send(file);
        });
      }).then(function (ticket) {
        uploadStatus.textContent = 'Checking ' + file.name + '…';
        return fetch(upload.action + '/' + encodeURIComponent(ticket.id) + '/complete', {
          method: 'POST',
          headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf },
          credentials: 'same-origin'
        }).then(function (response) {
          return response.json().then(function (data) { if (!response.ok) throw new Error(describe(data, file)); return data; });
        });
      }).then(function (attachment) {
        uploadStatus.textContent = 'Uploaded ' + file.name + '.';
        // A distinct URL per upload: assigning the current URL (same path and hash) would not reload the page.
        var done = new URL(upload.getAttribute('data-done'), window.location.href);
        done.searchParams.set('file', attachment.id);
        window.location.assign(done.toString());
      }).catch(function (error) {
        button.disabled = false;
        progress.hidden = true;
        // In the page's error style, with the hidden "Error:" that the page's other errors carry.
        uploadStatus.className = 'error-message';
        uploadStatus.innerHTML = '<span class="visually-hidden">Error: </span>';
        uploadStatus.appendChild(document.createTextNode(error.message));
      });
    });
  }

  // A refused upload in words: each field error for what it is about (the file's kind, name or size), else the detail.
  function describe(problem, file) {
    if (!problem) return 'The upload failed.';
    var name = file ? '“' + file.name + '”' : 'The file';
    var parts = (problem.errors || []).map(function (e) {
      if (e.path === 'body.contentType') return name + ' cannot be attached: it ' + e.message + '.';
      if (e.path === 'body.filename') return 'The file name ' + e.message + '.';
      if (e.path === 'body.size') return name + ' cannot be attached: it ' + e.message + '.';
      return null;
    }).filter(Boolean);
    return parts.length ? parts.join(' ') : (problem.detail || problem.title || 'The upload failed.');
  }
})();
`.trim();

export interface Asset {
  body: string;
  contentType: string;
  etag: string;
}

function asset(body: string, contentType: string): Asset {
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** The site's icon: a report sheet in the header's colour (browsers ask for /favicon.ico whatever the page says). */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d3557"/><path d="M9 7h10l5 5v13H9z" fill="#fff"/><path d="M12 15h9M12 19h9M12 23h6" stroke="#1d3557" stroke-width="2"/></svg>`;

export const ASSETS: Record<string, Asset> = {
  'app.css': asset(APP_CSS, 'text/css; charset=utf-8'),
  'app.js': asset(APP_JS, 'text/javascript; charset=utf-8'),
  'favicon.svg': asset(FAVICON_SVG, 'image/svg+xml'),
};
