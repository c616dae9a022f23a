// caredesk workspace: keyboard shortcuts, macro insertion, small conveniences.
// Everything here is an enhancement: every page works without it.
(function () {
  "use strict";

  function typingIn(el) {
    if (!el) return false;
    const tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function items(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function move(selector, delta) {
    const list = items(selector);
    if (!list.length) return;
    let index = list.indexOf(document.activeElement);
    index = index === -1 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + delta));
    list[index].focus();
    list[index].scrollIntoView({ block: "nearest" });
  }

  function focusComposer(kind) {
    const radio = document.querySelector(kind === "note" ? "[data-kind-note]" : "[data-kind-reply]");
    if (radio) { radio.checked = true; radio.dispatchEvent(new Event("change", { bubbles: true })); }
    const draft = document.getElementById("draft");
    if (draft) { draft.focus(); draft.scrollIntoView({ block: "center" }); }
  }

  let pendingG = false;
  document.addEventListener("keydown", function (event) {
    const help = document.getElementById("help");
    if (event.key === "Escape") {
      if (typingIn(document.activeElement)) document.activeElement.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
    if (help && help.open && event.key !== "?") return;
    const page = document.body.dataset.page;
    const key = event.key;
    if (pendingG) {
      pendingG = false;
      if (key === "i") { window.location.href = document.querySelector(".brand").href; event.preventDefault(); }
      return;
    }
    let handled = true;
    if (key === "?") { if (help) { help.open ? help.close() : help.showModal(); } }
    else if (key === "g") { pendingG = true; }
    else if (key === "j" || key === "k") {
      move(page === "inbox" ? "[data-row]" : "[data-item]", key === "j" ? 1 : -1);
    }
    else if (page === "ticket" && key === "r") { focusComposer("reply"); }
    else if (page === "ticket" && key === "n") { focusComposer("note"); }
    else if (page === "ticket" && key === "a") { const a = document.getElementById("assignee"); if (a) a.focus(); }
    else if (page === "ticket" && key === "s") {
      const solve = document.getElementById("solve-form");
      if (solve) solve.requestSubmit();
    }
    else { handled = false; }
    if (handled) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[data-help-open]")) {
      const help = document.getElementById("help");
      if (help) help.showModal();
    }
    if (target.closest("[data-edit-draft]")) {
      const box = target.closest(".alert");
      if (box) box.remove();
      const draft = document.getElementById("draft");
      if (draft) draft.focus();
    }
  });

  document.addEventListener("change", function (event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const draft = document.getElementById("draft");
    if (target.matches("[data-macro]") && draft) {
      const option = target.selectedOptions[0];
      const text = option ? option.dataset.text : "";
      if (text) {
        const start = draft.selectionStart, end = draft.selectionEnd;
        const before = draft.value.slice(0, start), after = draft.value.slice(end);
        draft.value = before + text + after;
        draft.focus();
        draft.selectionStart = draft.selectionEnd = start + text.length;
        htmx.trigger(draft, "coach-now");
      }
      target.value = "";
    }
    if (target.matches("[name=kind]") && draft) {
      const send = document.getElementById("send");
      if (send) send.textContent = target.value === "note" ? "Add note" : "Send reply";
      draft.classList.toggle("is-note", target.value === "note");
      if (draft.value.trim()) htmx.trigger(draft, "coach-now");
    }
  });
})();
